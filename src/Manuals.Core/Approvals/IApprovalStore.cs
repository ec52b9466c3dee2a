using Manuals.Core.Manuals;

namespace Manuals.Core.Approvals;

/// <summary>Approval routes per department and the requests (承認申請) made under them.</summary>
public interface IApprovalStore
{
    /// <summary>The department's route, in stage order; empty when publishing there needs no approval (the default).</summary>
    Task<IReadOnlyList<ApprovalStage>> GetStagesAsync(long departmentId, CancellationToken cancellationToken);

    /// <summary>Every department's route, for the admin page; departments without one are absent.</summary>
    Task<IReadOnlyDictionary<long, IReadOnlyList<ApprovalStage>>> ListStagesAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the department's route; an empty list turns approval off.</summary>
    Task ReplaceStagesAsync(long departmentId, IReadOnlyList<ApprovalStage> stages, CancellationToken cancellationToken);

    /// <summary>
    /// Records a request to make <paramref name="draft"/> the manual's next revision, in state 承認待ち at stage 1, and closes
    /// the manual's earlier open request (承認待ち or 差し戻し) as replaced. Returns null, writing nothing, when another
    /// request of the manual became 承認待ち meanwhile.
    /// </summary>
    Task<long?> SubmitAsync(
        long manualId,
        int baseRevision,
        ManualDraft draft,
        Author author,
        IReadOnlyList<ApprovalStage> stages,
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>The request with its decisions, or null.</summary>
    Task<ApprovalRequest?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The manual's newest request that is 承認待ち or 差し戻し, without decisions; null when none.</summary>
    Task<ApprovalRequest?> FindOpenAsync(long manualId, CancellationToken cancellationToken);

    /// <summary>Every request that is 承認待ち or 差し戻し, oldest first, without decisions (there are few at any time).</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="approver"/>'s approval of <paramref name="stage"/>, only when the request is still 承認待ち at
    /// that stage: of two approvers clicking at once exactly one moves it on. When <paramref name="stage"/> is the last, in
    /// the same transaction the request's content is saved as the manual's next revision, by the writer, on top of the
    /// base revision only (<see cref="ApprovalWrite.ManualMoved"/> otherwise).
    /// </summary>
    Task<ApprovalWrite> ApproveAsync(long id, int stage, Author approver, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a 差し戻し of <paramref name="stage"/> with its comment, only when the request is still 承認待ち at that stage.</summary>
    Task<ApprovalWrite> SendBackAsync(long id, int stage, Author approver, string comment, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Closes an open request as 取り下げ; <see cref="ApprovalWrite.Stale"/> when it was no longer open.</summary>
    Task<ApprovalWrite> WithdrawAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);
}
