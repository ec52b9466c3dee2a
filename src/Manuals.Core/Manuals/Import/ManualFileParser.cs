using System.Globalization;
using System.Text;
using Manuals.Core.Departments;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Manuals.Core.Manuals.Import;

/// <summary>
/// Reads one Markdown manual with YAML front matter:
/// <code>
/// ---
/// title: 月次決算の手順
/// department: 経理・財務
/// tags: [月次, 決算]
/// template: 定型業務（月次・年次）
/// status: 公開          # 公開 / 下書き / アーカイブ (or published / draft / archived)
/// visibility: 全社公開   # 全社公開 / 部署限定 (or company / department); optional
/// reviewed: 2025-04-01  # optional: last review (Asia/Tokyo date)
/// review_interval_days: 180  # optional
/// ---
/// </code>
/// </summary>
public static class ManualFileParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Dictionary<string, ManualStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["公開"] = ManualStatus.Published,
        ["published"] = ManualStatus.Published,
        ["下書き"] = ManualStatus.Draft,
        ["draft"] = ManualStatus.Draft,
        ["アーカイブ"] = ManualStatus.Archived,
        ["archived"] = ManualStatus.Archived,
    };

    private static readonly Dictionary<string, ManualVisibility> Visibilities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["全社公開"] = ManualVisibility.Company,
        ["company"] = ManualVisibility.Company,
        ["部署限定"] = ManualVisibility.Department,
        ["department"] = ManualVisibility.Department,
    };

    /// <summary>Decodes the bytes (UTF-8, BOM optional) and parses them; returns a draft or the reason for refusal.</summary>
    public static (ParsedManualFile? Manual, ImportProblem? Problem) Parse(string fileName, byte[] bytes, IReadOnlyList<Department> departments)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }

            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return (null, new ImportProblem(fileName, "NotUtf8"));
        }

        return Parse(fileName, text, departments);
    }

    public static (ParsedManualFile? Manual, ImportProblem? Problem) Parse(string fileName, string text, IReadOnlyList<Department> departments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(departments);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (null, new ImportProblem(fileName, "NoFrontMatter"));
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return (null, new ImportProblem(fileName, "FrontMatterNotClosed"));
        }

        var yaml = text[4..(end + 1)];
        var bodyStart = text.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..].Trim('\n');

        YamlMappingNode fields;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return (null, new ImportProblem(fileName, "FrontMatterInvalid"));
            }

            fields = mapping;
        }
        catch (YamlException ex)
        {
            return (null, new ImportProblem(fileName, "FrontMatterInvalid", $"line {ex.Start.Line}"));
        }

        var title = Scalar(fields, "title");
        if (Common.TextInput.IsBlank(title))
        {
            return (null, new ImportProblem(fileName, "TitleRequired"));
        }

        var departmentName = Scalar(fields, "department");
        if (Common.TextInput.IsBlank(departmentName))
        {
            return (null, new ImportProblem(fileName, "DepartmentRequired"));
        }

        var department = departments.FirstOrDefault(d => d.Name == departmentName.Trim());
        if (department is null)
        {
            return (null, new ImportProblem(fileName, "DepartmentUnknown", departmentName));
        }

        var statusText = Scalar(fields, "status") ?? "下書き";
        if (!Statuses.TryGetValue(statusText.Trim(), out var status))
        {
            return (null, new ImportProblem(fileName, "StatusUnknown", statusText));
        }

        var visibilityText = Scalar(fields, "visibility") ?? "全社公開";
        if (!Visibilities.TryGetValue(visibilityText.Trim(), out var visibility))
        {
            return (null, new ImportProblem(fileName, "VisibilityUnknown", visibilityText));
        }

        var template = Scalar(fields, "template");
        var draft = new ManualDraft(
            title.Trim(),
            department.Id,
            visibility,
            status,
            string.IsNullOrWhiteSpace(template) ? null : template.Trim(),
            Tags(fields),
            body,
            "");
        var errors = ManualDraftValidator.Validate(draft, departments.Select(d => d.Id));
        if (errors.Count > 0)
        {
            return (null, new ImportProblem(fileName, errors[0].Code, errors[0].Detail));
        }

        DateOnly? reviewedOn = null;
        if (Scalar(fields, "reviewed") is { Length: > 0 } reviewedText)
        {
            if (!DateOnly.TryParseExact(reviewedText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, new ImportProblem(fileName, "ReviewedInvalid", reviewedText));
            }

            if (!Common.InputDates.IsSupported(parsed))
            {
                // The next review is computed from it: 9999-12-31 would overflow on every page that shows the manual.
                return (null, new ImportProblem(fileName, "ReviewedOutOfRange", reviewedText));
            }

            reviewedOn = parsed;
        }

        int? interval = null;
        if (Scalar(fields, "review_interval_days") is { Length: > 0 } intervalText)
        {
            if (!int.TryParse(intervalText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                || days is < ReviewSchedule.MinIntervalDays or > ReviewSchedule.MaxIntervalDays)
            {
                return (null, new ImportProblem(fileName, "ReviewIntervalInvalid", intervalText));
            }

            interval = days;
        }

        return (new ParsedManualFile(draft, reviewedOn, interval), null);
    }

    private static string? Scalar(YamlMappingNode fields, string key) =>
        fields.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static IReadOnlyList<string> Tags(YamlMappingNode fields)
    {
        if (!fields.Children.TryGetValue(new YamlScalarNode("tags"), out var node))
        {
            return [];
        }

        return node switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")
                .Where(s => s.Trim().Length > 0).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            YamlScalarNode scalar => ManualDraftValidator.ParseTags(scalar.Value),
            _ => [],
        };
    }
}
