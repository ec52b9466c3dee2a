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
}
