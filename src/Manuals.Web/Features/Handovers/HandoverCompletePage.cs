using Manuals.Core.Handovers;
using Manuals.Web.Features.Coverage;

namespace Manuals.Web.Features.Handovers;

/// <summary><c>/handovers/{id}/complete</c>: what completing will change, before anyone confirms it.</summary>
public sealed record HandoverCompletePage(CoverageView View, Handover Handover, HandoverCompletionPlan? Plan)
{
    public string EmployeeName(long id) => View.Snapshot.EmployeesById.TryGetValue(id, out var e) ? e.Name : "";

    public string TaskName(long id) => View.Snapshot.Tasks.FirstOrDefault(t => t.Id == id)?.Name ?? "";
}
