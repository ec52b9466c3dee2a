using Manuals.Core.Coverage;

namespace Manuals.Core.Handovers;

/// <summary>How far a handover has got (ticked boxes of all boxes) and what needs attention.</summary>
public sealed record HandoverAssessment(int DoneBoxes, int TotalBoxes, IReadOnlyList<HandoverWarning> Warnings)
{
    private const int BoxesPerItem = 4;

    /// <summary>Ticked boxes as a whole percentage (0 when there are none).</summary>
    public int Percent => TotalBoxes == 0 ? 0 : DoneBoxes * 100 / TotalBoxes;

    /// <summary>Counts the boxes and finds the warnings of <paramref name="handover"/> against today's coverage.</summary>
    public static HandoverAssessment Of(Handover handover, CoverageSnapshot snapshot, CoverageReport report, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(report);
        var done = handover.Items.Sum(i => CountBits(i.Checks)) + handover.CommonItems.Count(c => c.Done);
        var total = (handover.Items.Count * BoxesPerItem) + handover.CommonItems.Count;
        var warnings = new List<HandoverWarning>();
        foreach (var item in handover.Items)
        {
            if (item.SuccessorId is not { } successorId)
            {
                warnings.Add(new(HandoverWarningKind.NoSuccessor, item.TaskId, item.TaskName));
            }
            else if (snapshot.EmployeesById.TryGetValue(successorId, out var successor) && !IsThereFor(successor, handover, today))
            {
                warnings.Add(new(HandoverWarningKind.SuccessorUnavailable, item.TaskId, item.TaskName));
            }

            if (report.Find(item.TaskId) is not { HasUsableManual: true })
            {
                warnings.Add(new(HandoverWarningKind.NoUsableManual, item.TaskId, item.TaskName));
            }

            if (item.DueBefore is { } due && due < handover.EffectiveDate && !handover.IsCompleted)
            {
                warnings.Add(new(HandoverWarningKind.DueBeforeEffectiveDate, item.TaskId, item.TaskName, due));
            }
        }

        return new HandoverAssessment(done, total, warnings.OrderBy(w => w.Kind).ToList());
    }

    /// <summary>The successor counts today and still counts on the effective date (the planner's rule for suggesting one).</summary>
    private static bool IsThereFor(Employee successor, Handover handover, DateOnly today) =>
        CoverageRules.IsAvailable(successor, today)
        && CoverageRules.IsAvailable(successor, handover.EffectiveDate > today ? handover.EffectiveDate : today);

    private static int CountBits(HandoverChecks checks) => System.Numerics.BitOperations.PopCount((uint)checks);
}
