namespace Manuals.Core.Coverage;

/// <summary>Whether an employee is still there to do the work: 在籍・異動予定・退職予定・異動済・退職済・休職中.</summary>
public enum EmployeeStatus
{
    /// <summary>在籍.</summary>
    Active,

    /// <summary>異動予定: moves to another department on the status date.</summary>
    TransferScheduled,

    /// <summary>退職予定: leaves the company on the status date.</summary>
    LeavingScheduled,

    /// <summary>異動済.</summary>
    Transferred,

    /// <summary>退職済.</summary>
    Left,

    /// <summary>休職中: away for a while; not counted as capable until back (在籍).</summary>
    OnLeave,
}
