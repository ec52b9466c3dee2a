using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// A manual in step-by-step mode: <see cref="Current"/> is the step shown, or null on the pages without one
/// (the manual has no steps, or the reader has gone through all of them).
/// </summary>
public sealed record StepPage(Manual Manual, IReadOnlyList<ManualStep> Steps, ManualStep? Current)
{
    public int Count => Steps.Count;

    /// <summary><c>/manuals/{id}/steps</c>; step N is at <c>{StepsUrl}/N</c>, the end at <c>{StepsUrl}/complete</c>.</summary>
    public string StepsUrl => $"/manuals/{Manual.Id}/steps";
}
