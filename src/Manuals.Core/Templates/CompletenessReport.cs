namespace Manuals.Core.Templates;

/// <summary>Which sections of its template a manual has filled, every template section in template order.</summary>
/// <param name="TemplateName">The template checked against, or null when the manual follows none (or an unknown one).</param>
/// <param name="Sections">Every section of the template, in the template's order.</param>
public sealed record CompletenessReport(string? TemplateName, IReadOnlyList<SectionStatus> Sections)
{
    /// <summary>The report for a manual without a template: no sections, complete.</summary>
    public static CompletenessReport None { get; } = new(null, []);

    /// <summary>Names of the required sections that are missing or unfilled, in template order.</summary>
    public IReadOnlyList<string> MissingRequired { get; } = Sections.Where(s => s.Required && !s.Filled).Select(s => s.Name).ToList();

    /// <summary>Every required section is filled; the manual may be published.</summary>
    public bool IsComplete => MissingRequired.Count == 0;

    public int RequiredCount => Sections.Count(s => s.Required);

    public int RequiredFilledCount => Sections.Count(s => s.Required && s.Filled);
}
