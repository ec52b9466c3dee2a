using Manuals.Core.Common;
using Manuals.Core.Manuals;

namespace Manuals.Core.Templates;

/// <summary>The rules every template obeys. Name uniqueness needs the database and is the store's job.</summary>
public static class StepTemplateValidator
{
    public static IReadOnlyList<TemplateError> Validate(StepTemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<TemplateError>();
        if (TextInput.IsBlank(draft.Name))
        {
            errors.Add(new(nameof(draft.Name), "NameRequired"));
        }
        else if (draft.Name.Trim().Length > TemplateLimits.NameMaxLength)
        {
            errors.Add(new(nameof(draft.Name), "NameTooLong"));
        }
        else if (draft.Name.Any(char.IsControl))
        {
            // A name is one line: it is written into front matter and matched against manuals' template field.
            errors.Add(new(nameof(draft.Name), "NameInvalid"));
        }

        if (draft.Description.Length > TemplateLimits.DescriptionMaxLength)
        {
            errors.Add(new(nameof(draft.Description), "DescriptionTooLong"));
        }

        if (draft.Body.Length > TemplateLimits.BodyMaxLength)
        {
            // Parsing a body that is too long is wasted work; the other rules wait until it fits.
            errors.Add(new(nameof(draft.Body), "BodyTooLong"));
            return errors;
        }

        if (MarkdownLimits.IsTooDeeplyNested(draft.Body))
        {
            // Sections cannot be read from such a text; the other body rules would only add confusing messages.
            errors.Add(new(nameof(draft.Body), "NestingTooDeep", MarkdownLimits.NestingGuide.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return errors;
        }

        var sections = ManualSections.Parse(draft.Body);
        if (sections.Count == 0)
        {
            errors.Add(new(nameof(draft.Body), "NoSections"));
        }

        foreach (var duplicate in sections.GroupBy(s => s.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new(nameof(draft.Body), "DuplicateSection", duplicate.First().Heading));
        }

        if (sections.Any(s => s.Heading.Length == 0))
        {
            errors.Add(new(nameof(draft.Body), "EmptyHeading"));
        }

        var keys = sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var required in draft.RequiredSections.Distinct(StringComparer.Ordinal))
        {
            if (!keys.Contains(ManualSections.NormalizeHeading(required)))
            {
                errors.Add(new(nameof(draft.RequiredSections), "RequiredSectionUnknown", required));
            }
        }

        return errors;
    }

    /// <summary>
    /// The draft as it is stored: name and description trimmed, line endings <c>\n</c>, and the required sections
    /// spelled as the skeleton's headings, in skeleton order, each once.
    /// </summary>
    public static StepTemplateDraft Normalize(StepTemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var body = draft.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var requiredKeys = draft.RequiredSections.Select(ManualSections.NormalizeHeading).ToHashSet(StringComparer.Ordinal);
        var required = ManualSections.Parse(body)
            .Where(s => requiredKeys.Contains(s.Key))
            .Select(s => s.Heading)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new StepTemplateDraft(draft.Name.Trim(), draft.Description.Trim(), body, required);
    }
}
