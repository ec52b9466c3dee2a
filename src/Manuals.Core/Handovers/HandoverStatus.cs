namespace Manuals.Core.Handovers;

/// <summary>Where a handover stands: 進行中 until all three have signed and it is completed; a completed one can be reopened.</summary>
public enum HandoverStatus
{
    /// <summary>進行中.</summary>
    InProgress,

    /// <summary>完了: the effects (matrix, manual owners, employee status) have been applied.</summary>
    Completed,
}
