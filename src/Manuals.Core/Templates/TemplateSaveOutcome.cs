namespace Manuals.Core.Templates;

/// <summary>How an attempt to create or change a template ended.</summary>
public enum TemplateSaveOutcome
{
    Saved,
    NotFound,
    Forbidden,

    /// <summary>The draft broke a rule; see <see cref="TemplateSaveResult.Errors"/>.</summary>
    Invalid,

    /// <summary>Another template already has the name (compared after normalisation); nothing was written.</summary>
    NameTaken,
}
