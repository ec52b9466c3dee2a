namespace Manuals.Core.Handovers;

/// <summary>
/// A handover (引継ぎ) of one employee's work: why and when they go, who manages it, one item per task they hand over,
/// the common items, and the sign-offs (the predecessor's, one per successor, the manager's). <see cref="Version"/> is the optimistic-concurrency token for saves.
/// </summary>
public sealed class Handover
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }

    /// <summary>The predecessor's name (read with the handover, not stored twice).</summary>
    public string EmployeeName { get; set; } = "";

    /// <summary>The predecessor's department when the handover started; the list filters by it.</summary>
    public long DepartmentId { get; set; }

    public HandoverReason Reason { get; set; }

    /// <summary>発令日: the day the employee moves, leaves or goes on leave.</summary>
    public DateOnly EffectiveDate { get; set; }

    public string ManagerName { get; set; } = "";
    public string Note { get; set; } = "";
    public HandoverStatus Status { get; set; }
    public int Version { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public IReadOnlyList<HandoverItem> Items { get; set; } = [];
    public IReadOnlyList<HandoverCommonItem> CommonItems { get; set; } = [];
    public IReadOnlyList<HandoverSignature> Signatures { get; set; } = [];

    public bool IsCompleted => Status == HandoverStatus.Completed;

    /// <summary>The successors chosen on the rows, each once, in checklist order.</summary>
    public IReadOnlyList<long> SuccessorIds => Items.Where(i => i.SuccessorId is not null).Select(i => i.SuccessorId!.Value).Distinct().ToList();

    /// <summary>The sign-off in <paramref name="role"/>'s box of <paramref name="employeeId"/> (0 for the manager's), or null.</summary>
    public HandoverSignature? SignatureOf(SignOffRole role, long employeeId) =>
        Signatures.FirstOrDefault(s => s.Role == role && s.EmployeeId == employeeId);

    /// <summary>
    /// Everyone has signed: the predecessor, every successor chosen on the rows, and the manager. Then the handover may
    /// be completed. A sign-off of someone no longer a successor does not count.
    /// </summary>
    public bool IsSignedOff =>
        SignatureOf(SignOffRole.Predecessor, EmployeeId) is not null
        && SuccessorIds.All(id => SignatureOf(SignOffRole.Successor, id) is not null)
        && SignatureOf(SignOffRole.Manager, SignOffSlot.ManagerEmployeeId) is not null;
}
