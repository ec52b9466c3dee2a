using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// A manual in step-by-step mode: <see cref="Current"/> is the step shown, or null on the pages without one
/// (the manual has no steps, or the reader has gone through all of them). <see cref="Before"/> is the manual's
/// 対象・前提 section (its heading and rendered HTML), which a reader needs before any step; null when it has none.
/// </summary>
public sealed record StepPage(Manual Manual, IReadOnlyList<ManualStep> Steps, ManualStep? Current, StepPrerequisites? Before = null)
{
    public int Count => Steps.Count;

    /// <summary><c>/manuals/{id}/steps</c>; step N is at <c>{StepsUrl}/N</c>, the end at <c>{StepsUrl}/complete</c>.</summary>
    public string StepsUrl => $"/manuals/{Manual.Id}/steps";
}

/// <summary>What to have ready before the steps: the manual's 対象・前提 section as its heading says and as HTML.</summary>
public sealed record StepPrerequisites(string Heading, string Html);
