namespace Manuals.Core.Manuals;

/// <summary>How an attempt to create or save a manual ended.</summary>
public enum SaveOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Invalid,

    /// <summary>Someone saved a newer revision first; nothing was written.</summary>
    Conflict,

    /// <summary>
    /// The manual has a request waiting for approval (承認待ち) by someone else, or the writer's own save would bypass it;
    /// nothing was written.
    /// </summary>
    AwaitingApproval,
}
