namespace Manuals.Web.Features.Handovers;

/// <summary>The printed checklist of one handover, and the handover it came from (for links and the file name).</summary>
public sealed record HandoverPrintPage(HandoverDetailPage Detail, HandoverSheet Sheet)
{
    /// <summary>What every printed page carries at its foot besides the page number.</summary>
    public string Footer(string printedOn) => $"{Sheet.Title} ／ {Detail.Handover.EmployeeName} ／ {printedOn}";
}
