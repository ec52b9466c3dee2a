namespace Manuals.Core.Approvals;

/// <summary>How a store write of an approval step ended.</summary>
public enum ApprovalWrite
{
    Done,

    /// <summary>The request was no longer at that stage, or no longer waiting: someone else acted first. Nothing written.</summary>
    Stale,

    /// <summary>The last approval could not save: the manual is no longer at the request's base revision. Nothing written.</summary>
    ManualMoved,
}
