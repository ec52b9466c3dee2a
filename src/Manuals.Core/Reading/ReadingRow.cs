namespace Manuals.Core.Reading;

/// <summary>
/// One person's required reading of one manual, as the store reads it: the earliest due date of their assignments (to
/// them or to a department of theirs), the revision they last confirmed, and the revision they must have confirmed (the
/// latest marked 重要な変更, or the first); with a 理解度チェック, the wrong attempts since the last pass and the attempt
/// that passed (for the manager only: no scores are shown to other employees); and the latest revision they opened.
/// </summary>
public sealed record ReadingRow(
    long ManualId,
    long UserId,
    string DisplayName,
    DateOnly DueOn,
    int? ConfirmedRevision,
    DateTimeOffset? ConfirmedAt,
    int RequiredRevision,
    int FailedChecks = 0,
    int? PassedCheckOnAttempt = null,
    int? OpenedRevision = null)
{
    /// <summary>未読, 既読・未確認 (opened the revision that matters), 改訂版を未確認 or 確認済.</summary>
    public ReadingState State =>
        ConfirmedRevision >= RequiredRevision ? ReadingState.Confirmed
        : OpenedRevision >= RequiredRevision ? ReadingState.Opened
        : ConfirmedRevision is not null ? ReadingState.RevisionNotConfirmed
        : ReadingState.NotRead;

    /// <summary>Not confirmed, and the due date has passed on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => State != ReadingState.Confirmed && today > DueOn;
}
