namespace Manuals.Core.Handovers;

/// <summary>What needs attention before a handover can be trusted.</summary>
public enum HandoverWarningKind
{
    /// <summary>Nobody has been chosen to take the task over.</summary>
    NoSuccessor,

    /// <summary>The task has no usable manual: 「引継ぎ前にマニュアルを整備してください」.</summary>
    NoUsableManual,

    /// <summary>The task falls due before the effective date: do it together, or make sure it is covered.</summary>
    DueBeforeEffectiveDate,

    /// <summary>The chosen successor is leaving, has left or is on leave.</summary>
    SuccessorUnavailable,
}
