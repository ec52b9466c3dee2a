using Manuals.Core.Coverage;

namespace Manuals.Web.Features.Handovers;

/// <summary>One word for a task's manuals on the checklist: usable if one is, otherwise why the first one is not.</summary>
public static class HandoverManualState
{
    /// <summary>Null when no manual is linked (or the task is unknown).</summary>
    public static ManualUsability? Of(TaskCoverage? coverage)
    {
        if (coverage is null || coverage.Manuals.Count == 0)
        {
            return null;
        }

        return coverage.HasUsableManual ? ManualUsability.Usable : coverage.Manuals[0].Usability;
    }
}
