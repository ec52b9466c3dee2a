namespace Manuals.Web.Features.Templates;

/// <summary>「テンプレートから作成」: the active templates, and the department the new manual goes to, if chosen already.</summary>
public sealed record TemplateChooserPage(IReadOnlyList<TemplateChoice> Choices, long? DepartmentId)
{
    /// <summary>Where the editor opens: <c>/manuals/new</c>, with the template and department when given.</summary>
    public string NewManualUrl(long? templateId)
    {
        var query = new List<string>();
        if (templateId is { } id)
        {
            query.Add(FormattableString.Invariant($"template={id}"));
        }

        if (DepartmentId is { } department)
        {
            query.Add(FormattableString.Invariant($"department={department}"));
        }

        return query.Count == 0 ? "/manuals/new" : "/manuals/new?" + string.Join('&', query);
    }
}
