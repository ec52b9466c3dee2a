using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>The list's filters as the query string carries them.</summary>
public sealed class HandoverListQuery
{
    public HandoverStatus? Status { get; set; }
    public long? Department { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public HandoverFilter ToFilter() => new(Status, Department, From, To);
}
