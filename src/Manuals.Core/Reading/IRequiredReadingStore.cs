namespace Manuals.Core.Reading;

/// <summary>
/// Required reading (必読): manuals assigned to people or to whole departments with a due date, and the revision each
/// person last confirmed having read (読みました). A department's assignment covers whoever is in it when asked, so a new
/// hire who joins later has it too.
/// </summary>
public interface IRequiredReadingStore
{
    /// <summary>
    /// Assigns a manual to each of <paramref name="userIds"/> and <paramref name="departmentIds"/> (existing ones), due on
    /// <paramref name="dueOn"/>. Assigning the same person or department again sets the new due date.
    /// </summary>
    Task AssignAsync(
        long manualId,
        IReadOnlyCollection<long> userIds,
        IReadOnlyCollection<long> departmentIds,
        DateOnly dueOn,
        long assignedBy,
        DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>The manual's assignments, people first and then departments, each by name.</summary>
    Task<IReadOnlyList<ReadingTarget>> ListTargetsAsync(long manualId, CancellationToken cancellationToken);

    /// <summary>Takes one assignment off the manual; the reader's confirmations stay. False when it is not the manual's.</summary>
    Task<bool> RemoveAsync(long manualId, long targetId, CancellationToken cancellationToken);

    /// <summary>Records that the user opened <paramref name="revisionNumber"/> of a manual assigned to them (既読).</summary>
    Task RecordOpenAsync(long manualId, long userId, int revisionNumber, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the user read <paramref name="revisionNumber"/>; an earlier revision never replaces a later one.</summary>
    Task ConfirmAsync(long manualId, long userId, int revisionNumber, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The manuals assigned to the user, directly or through a department, one row per manual.</summary>
    Task<IReadOnlyList<ReadingRow>> ListForUserAsync(long userId, CancellationToken cancellationToken);

    /// <summary>The user's required reading of one manual (as <see cref="ListForUserAsync"/>), or null when it is not assigned to them.</summary>
    Task<ReadingRow?> FindForUserAsync(long userId, long manualId, CancellationToken cancellationToken);

    /// <summary>
    /// Every person's required reading due on or before <paramref name="day"/> across all manuals (enabled users), for
    /// reminders; confirmed ones included (the caller looks at <see cref="ReadingRow.State"/>).
    /// </summary>
    Task<IReadOnlyList<ReadingRow>> ListDueAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>The required reading of everyone in a department (enabled users), one row per person and manual.</summary>
    Task<IReadOnlyList<ReadingRow>> ListForDepartmentAsync(long departmentId, CancellationToken cancellationToken);

    /// <summary>Everyone a manual is assigned to (enabled users, directly or through a department), by name.</summary>
    Task<IReadOnlyList<ReadingRow>> ListForManualAsync(long manualId, CancellationToken cancellationToken);
}
