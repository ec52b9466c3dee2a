namespace Manuals.Core.Handovers;

/// <summary>What an audit-trail entry of a handover records.</summary>
public enum HandoverEventKind
{
    /// <summary>Started (args: employee, reason code, effective date).</summary>
    Started,

    /// <summary>The checklist was saved (no args).</summary>
    Saved,

    /// <summary>A sign-off was recorded (args: role code, name, date).</summary>
    SignedOff,

    /// <summary>A sign-off was withdrawn (args: role code, name).</summary>
    SignOffWithdrawn,

    /// <summary>Completed (no args); the effects follow as their own entries.</summary>
    Completed,

    /// <summary>A matrix cell changed on completion (args: task, employee, level from, level to, role from, role to).</summary>
    MatrixChanged,

    /// <summary>A manual's owner moved on completion (args: manual title, from, to).</summary>
    OwnerMoved,

    /// <summary>The employee's status changed on completion (args: employee, status code, date).</summary>
    StatusChanged,

    /// <summary>Reopened (args: reason).</summary>
    Reopened,

    /// <summary>A sign-off was recorded on the person's behalf by another account (args: role code, name, date).</summary>
    SignedOffOnBehalf,
}
