namespace Manuals.Core.Templates;

/// <summary>
/// A step template (手順テンプレート): a Markdown skeleton whose level-2 headings (<c>## 目的</c>) are its named
/// sections, with the placeholder hints a writer replaces, and the sections a manual must fill before publishing.
/// </summary>
public sealed class StepTemplate
{
    public long Id { get; set; }

    /// <summary>Unique; manuals record the template they follow by this name.</summary>
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The Markdown skeleton a new manual starts from.</summary>
    public string Body { get; set; } = "";

    /// <summary>Headings of <see cref="Body"/> that a published manual must fill, as written in the skeleton.</summary>
    public IReadOnlyList<string> RequiredSections { get; set; } = [];

    /// <summary>
    /// Shipped with the product (seeded by a migration). Every department's manuals follow the built-ins, so only Admins
    /// may edit, retire or restore them (<see cref="TemplateAccessPolicy.CanChange"/>).
    /// </summary>
    public bool IsBuiltIn { get; set; }

    /// <summary>Retired templates are no longer offered for new manuals; manuals that follow one keep it.</summary>
    public bool IsRetired { get; set; }

    /// <summary>
    /// The user who created the template; an Editor may change only the templates they created. Null for the built-ins,
    /// for templates older than this record (migration 0012) and for a creator's account that was deleted: only Admins
    /// may change those.
    /// </summary>
    public long? CreatedByUserId { get; set; }

    /// <summary>The creator's display name, when <see cref="CreatedByUserId"/> is known.</summary>
    public string? CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether <paramref name="section"/> (compared as a normalised heading) is one of the required sections.</summary>
    public bool IsRequired(string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var key = ManualSections.NormalizeHeading(section);
        return RequiredSections.Any(r => ManualSections.NormalizeHeading(r) == key);
    }

    /// <summary>The sections of the skeleton in order, each once, with whether it is required and its hint text.</summary>
    public IReadOnlyList<TemplateSection> ListSections()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<TemplateSection>();
        foreach (var section in ManualSections.Parse(Body))
        {
            if (seen.Add(section.Key))
            {
                sections.Add(new TemplateSection(section.Heading, IsRequired(section.Heading), section.Content.Trim()));
            }
        }

        return sections;
    }
}
