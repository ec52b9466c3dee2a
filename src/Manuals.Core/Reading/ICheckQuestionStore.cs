namespace Manuals.Core.Reading;

/// <summary>A manual's 理解度チェック questions, and how each reader has done on them.</summary>
public interface ICheckQuestionStore
{
    /// <summary>The manual's questions in order; empty when it has none.</summary>
    Task<IReadOnlyList<CheckQuestion>> ListAsync(long manualId, CancellationToken cancellationToken);

    /// <summary>Replaces the manual's questions with <paramref name="questions"/> (none removes the check).</summary>
    Task ReplaceAsync(long manualId, IReadOnlyList<CheckQuestion> questions, CancellationToken cancellationToken);

    /// <summary>
    /// Records one attempt by the user: a wrong one adds to the failures since their last pass; a right one records the
    /// pass, on which attempt, and starts the count again.
    /// </summary>
    Task RecordAttemptAsync(long manualId, long userId, bool passed, DateTimeOffset at, CancellationToken cancellationToken);
}
