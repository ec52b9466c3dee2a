namespace Manuals.Core.Manuals;

/// <summary>Manuals and their revisions.</summary>
public interface IManualStore
{
    /// <summary>The manual with its current text, or null when the id is unknown.</summary>
    Task<Manual?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Manuals of one department, or of all when <paramref name="departmentId"/> is null, newest first.</summary>
    Task<IReadOnlyList<ManualSummary>> ListAsync(long? departmentId, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Creates the manual and its revision 1; returns the new id.</summary>
    Task<long> CreateAsync(ManualDraft draft, Author author, long? ownerId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="draft"/> as revision <paramref name="baseRevision"/> + 1, atomically, only when the
    /// manual is still at <paramref name="baseRevision"/>. Returns false, writing nothing, when someone saved first.
    /// </summary>
    Task<bool> TryUpdateAsync(long id, int baseRevision, ManualDraft draft, Author author, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="reviewerId"/> (null for an import) confirmed the manual is still right (レビュー済み). False for an unknown id.</summary>
    Task<bool> MarkReviewedAsync(long id, long? reviewerId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the owner (担当者) and the review interval; these are settings, not content, so no revision is written.</summary>
    Task<bool> UpdateSettingsAsync(long id, long? ownerId, int reviewIntervalDays, CancellationToken cancellationToken);

    /// <summary>Revisions newest first, bodies included.</summary>
    Task<IReadOnlyList<ManualRevision>> ListRevisionsAsync(long manualId, CancellationToken cancellationToken);

    Task<ManualRevision?> FindRevisionAsync(long manualId, int number, CancellationToken cancellationToken);
}
