using Manuals.Core.Manuals;

namespace Manuals.Core.Handovers;

/// <summary>Handovers with their items, common items, sign-offs and audit trail.</summary>
public interface IHandoverStore
{
    /// <summary>Creates the handover with its items and common items and the <paramref name="started"/> entry; returns its id.</summary>
    Task<long> CreateAsync(Handover handover, HandoverEvent started, CancellationToken cancellationToken);

    /// <summary>The handover with everything it holds, or null when the id is unknown.</summary>
    Task<Handover?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Handovers matching the filter, open ones first, then by effective date.</summary>
    Task<IReadOnlyList<HandoverSummary>> ListAsync(HandoverFilter filter, CancellationToken cancellationToken);

    /// <summary>The ids of the open (作業中) handovers in which one of <paramref name="employeeIds"/> is the 前任者 or a 後任者.</summary>
    Task<IReadOnlyList<long>> ListOpenInvolvingAsync(IReadOnlyCollection<long> employeeIds, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the header fields, items and common items of an open handover while it is still at
    /// <paramref name="baseVersion"/>, and records <paramref name="saved"/>. False, writing nothing, when someone saved
    /// meanwhile or it is no longer open.
    /// </summary>
    Task<bool> SaveAsync(Handover handover, int baseVersion, HandoverEvent saved, CancellationToken cancellationToken);

    /// <summary>
    /// Records a sign-off of an open handover in its box (role and employee). False, writing nothing, when the handover
    /// is unknown or not open, or the box is already signed.
    /// </summary>
    Task<bool> SignAsync(long id, HandoverSignature signature, HandoverEvent entry, CancellationToken cancellationToken);

    /// <summary>Withdraws the sign-off in a box of an open handover. False when there was none or the handover is not open.</summary>
    Task<bool> UnsignAsync(long id, SignOffRole role, long employeeId, HandoverEvent entry, CancellationToken cancellationToken);

    /// <summary>
    /// Completes an open handover at <paramref name="baseVersion"/> and applies <paramref name="plan"/> in the same
    /// transaction: matrix edits (each recorded in the matrix history by <paramref name="author"/>), manual owners and
    /// the employee's status, with <paramref name="events"/> as its audit trail. False, writing nothing, when the
    /// handover changed meanwhile, is not open, or a matrix cell or a manual's owner no longer holds the value the
    /// plan started from (the next attempt plans afresh).
    /// </summary>
    Task<bool> CompleteAsync(
        long id,
        int baseVersion,
        HandoverCompletionPlan plan,
        Author author,
        IReadOnlyList<HandoverEvent> events,
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Reopens a completed handover and records <paramref name="reopened"/>. False when it is not completed.</summary>
    Task<bool> ReopenAsync(long id, HandoverEvent reopened, CancellationToken cancellationToken);

    /// <summary>The audit trail, oldest first.</summary>
    Task<IReadOnlyList<HandoverEvent>> ListEventsAsync(long id, CancellationToken cancellationToken);
}
