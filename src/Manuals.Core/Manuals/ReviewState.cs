namespace Manuals.Core.Manuals;

/// <summary>Where a manual stands in its review cycle.</summary>
public enum ReviewState
{
    /// <summary>Drafts and archived manuals are not reviewed.</summary>
    NotApplicable,

    /// <summary>Reviewed recently enough.</summary>
    Current,

    /// <summary>Due within <see cref="ReviewSchedule.DueSoonDays"/> days.</summary>
    DueSoon,

    /// <summary>The review interval has passed: the manual may no longer be right.</summary>
    Overdue,
}
