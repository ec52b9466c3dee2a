namespace Manuals.Core.Templates;

/// <summary>One named section of a template's skeleton.</summary>
/// <param name="Name">The heading as written in the skeleton, e.g. <c>目的</c>.</param>
/// <param name="Required">Whether a published manual must fill it.</param>
/// <param name="Placeholder">The hint text under the heading; a manual that leaves it untouched has not filled the section.</param>
public sealed record TemplateSection(string Name, bool Required, string Placeholder);
