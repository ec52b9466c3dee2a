using Manuals.Core.Accounts;

namespace Manuals.Core.Manuals;

/// <summary>Manuals and their revisions.</summary>
public interface IManualStore
{
    /// <summary>The manual with its current text, or null when the id is unknown.</summary>
    Task<Manual?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Manuals of one department, or of all when <paramref name="departmentId"/> is null, newest first.</summary>
    Task<IReadOnlyList<ManualSummary>> ListAsync(long? departmentId, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One page of the manuals <paramref name="viewer"/> may read (<see cref="ManualAccessPolicy.CanRead(Viewer, ManualSummary)"/>,
    /// asked in SQL), of one department or of all, newest update first, from <paramref name="position"/> (the first
    /// page when null), at most <paramref name="limit"/>.
    /// </summary>
    Task<ManualListSlice> ListReadableAsync(
        Viewer viewer, long? departmentId, ManualListPosition? position, int limit, CancellationToken cancellationToken);

    /// <summary>How many manuals <paramref name="viewer"/> may read in each department (departments without any are left out).</summary>
    Task<IReadOnlyDictionary<long, int>> CountReadableByDepartmentAsync(Viewer viewer, CancellationToken cancellationToken);

    /// <summary>The manuals with these ids, in no particular order; unknown ids are left out.</summary>
    Task<IReadOnlyList<ManualSummary>> ListByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Every manual linked to a business task (what coverage judges), in no particular order.</summary>
    Task<IReadOnlyList<ManualSummary>> ListLinkedToTasksAsync(CancellationToken cancellationToken);

    /// <summary>The current text of the manuals with these ids; unknown ids are left out.</summary>
    Task<IReadOnlyList<ManualText>> ListTextsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>The manuals <paramref name="ownerId"/> is the 担当者 of.</summary>
    Task<IReadOnlyList<ManualSummary>> ListOwnedAsync(long ownerId, CancellationToken cancellationToken);

    /// <summary>The published manuals past their review date at <paramref name="now"/> (<see cref="ReviewSchedule"/>).</summary>
    Task<IReadOnlyList<ManualSummary>> ListOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken);

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
