namespace Manuals.Core.Handovers;

/// <summary>Why the work is handed over: 異動・退職・休職・その他.</summary>
public enum HandoverReason
{
    /// <summary>異動: the employee moves to another department.</summary>
    Transfer,

    /// <summary>退職: the employee leaves the company.</summary>
    Leaving,

    /// <summary>休職: the employee is away for a while.</summary>
    LeaveOfAbsence,

    /// <summary>その他, e.g. 担当替え within the department.</summary>
    Other,
}
