using Manuals.Core.Common;

namespace Manuals.Core.Manuals;

/// <summary>The rules every manual revision obeys, whether typed in a form or imported from a file.</summary>
public static class ManualDraftValidator
{
    public static IReadOnlyList<ValidationError> Validate(ManualDraft draft, IEnumerable<long> knownDepartmentIds)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        if (TextInput.IsBlank(draft.Title))
        {
            errors.Add(new(nameof(draft.Title), "TitleRequired"));
        }
        else if (draft.Title.Length > ManualLimits.TitleMaxLength)
        {
            errors.Add(new(nameof(draft.Title), "TitleTooLong"));
        }

        if (!knownDepartmentIds.Contains(draft.DepartmentId))
        {
            errors.Add(new(nameof(draft.DepartmentId), "DepartmentUnknown"));
        }

        if (!Enum.IsDefined(draft.Visibility))
        {
            errors.Add(new(nameof(draft.Visibility), "VisibilityUnknown"));
        }

        if (!Enum.IsDefined(draft.Status))
        {
            errors.Add(new(nameof(draft.Status), "StatusUnknown"));
        }

        if (draft.Template is { Length: > ManualLimits.TemplateMaxLength })
        {
            errors.Add(new(nameof(draft.Template), "TemplateTooLong"));
        }

        if (draft.Body.Length > ManualLimits.BodyMaxLength)
        {
            errors.Add(new(nameof(draft.Body), "BodyTooLong"));
        }
        else if (MarkdownLimits.IsTooDeeplyNested(draft.Body))
        {
            errors.Add(new(nameof(draft.Body), "NestingTooDeep", MarkdownLimits.NestingGuide.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (draft.ChangeNote.Length > ManualLimits.ChangeNoteMaxLength)
        {
            errors.Add(new(nameof(draft.ChangeNote), "ChangeNoteTooLong"));
        }

        if (draft.Tags.Count > ManualLimits.MaxTags)
        {
            errors.Add(new(nameof(draft.Tags), "TooManyTags"));
        }
        else if (draft.Tags.Any(t => t.Length > ManualLimits.TagMaxLength))
        {
            errors.Add(new(nameof(draft.Tags), "TagTooLong"));
        }

        // Forms drop these characters before they get here; a file (the import command) may still hold them.
        foreach (var (field, text) in new[] { (nameof(draft.Title), draft.Title), (nameof(draft.Body), draft.Body), (nameof(draft.ChangeNote), draft.ChangeNote), (nameof(draft.Tags), string.Concat(draft.Tags)) })
        {
            if (TextInput.HasControlCharacters(text))
            {
                errors.Add(new(field, "ControlCharacters"));
            }
        }

        return errors;
    }

    /// <summary>
    /// Splits a tag field separated by commas, 読点 or line breaks into distinct, trimmed tags. Spaces stay inside a tag
    /// (「PR TIMES」), so a manual opened and saved keeps its tags.
    /// </summary>
    public static IReadOnlyList<string> ParseTags(string? text) =>
        (text ?? "")
            .Split([',', '、', '，', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
