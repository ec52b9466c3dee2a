namespace Manuals.Core.Templates;

/// <summary>Size limits of step templates, shared by the form, the service and the database.</summary>
public static class TemplateLimits
{
    /// <summary>The same as a manual's template field, which holds the name.</summary>
    public const int NameMaxLength = Manuals.ManualLimits.TemplateMaxLength;

    public const int DescriptionMaxLength = 500;

    public const int BodyMaxLength = 50_000;
}
