using Manuals.Core.Reading;

namespace Manuals.Core.Coverage;

/// <summary>
/// An employee's user confirmed (読みました) a manual linked to one of the tasks: the revision they last confirmed, when,
/// and whether that still counts (確認済) — no revision marked 重要な変更 came after it, the rule of required reading.
/// </summary>
public sealed record TaskManualConfirmation(
    long EmployeeId, long TaskId, long ManualId, int ConfirmedRevision, DateTimeOffset ConfirmedAt, bool IsConfirmed)
{
    /// <summary>確認済, or 改訂版を未確認 when a 重要な変更 came after the revision they confirmed.</summary>
    public ReadingState State => IsConfirmed ? ReadingState.Confirmed : ReadingState.RevisionNotConfirmed;
}
