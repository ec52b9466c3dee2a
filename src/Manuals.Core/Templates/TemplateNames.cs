namespace Manuals.Core.Templates;

/// <summary>How template names are compared: two names with the same key are the same template.</summary>
public static class TemplateNames
{
    /// <summary>The normalised heading form (<see cref="ManualSections.NormalizeHeading"/>), lower-cased.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ManualSections.NormalizeHeading(name).ToLowerInvariant();
    }
}
