namespace Manuals.Core.Templates;

/// <summary>
/// Decides which sections of its template a manual has filled — the rule behind the editor's checklist, the manual
/// page, the refusal to publish and coverage's "usable manual".
/// </summary>
/// <remarks>
/// A section is filled when the manual has the heading (matched after <see cref="ManualSections.NormalizeHeading"/>)
/// and the text under it, compared line by line without blank lines and indentation
/// (<see cref="ManualSections.NormalizeContent"/>), has something besides sub-headings and is not the hint the
/// template's skeleton has under that heading. So a manual freshly created from a template, hints untouched, has
/// filled nothing. When the manual repeats a heading, one filled occurrence is enough.
/// </remarks>
public static class TemplateCompleteness
{
    /// <summary>Checks <paramref name="body"/> against <paramref name="template"/>; with no template the report is empty and complete.</summary>
    public static CompletenessReport Check(StepTemplate? template, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (template is null)
        {
            return CompletenessReport.None;
        }

        var manualSections = ManualSections.Parse(body).ToLookup(s => s.Key, StringComparer.Ordinal);
        var statuses = new List<SectionStatus>();
        foreach (var section in template.ListSections())
        {
            var key = ManualSections.NormalizeHeading(section.Name);
            var placeholder = ManualSections.NormalizeContent(section.Placeholder);
            var matches = manualSections[key].ToList();
            var filled = matches.Any(m => IsFilled(m.Content, placeholder));
            statuses.Add(new SectionStatus(section.Name, section.Required, filled, matches.Count > 0));
        }

        return new CompletenessReport(template.Name, statuses);
    }

    private static bool IsFilled(string content, string normalizedPlaceholder)
    {
        var normalized = ManualSections.NormalizeContent(content);
        return normalized != normalizedPlaceholder && normalized.Split('\n').Any(line => !IsHeadingLine(line));
    }

    // Sub-headings alone ("### 準備" with nothing under it) are structure, not content.
    private static bool IsHeadingLine(string line)
    {
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        return line.Length == 0 || (hashes is >= 1 and <= 6 && (hashes == line.Length || line[hashes] == ' ' || line[hashes] == '\t'));
    }
}
