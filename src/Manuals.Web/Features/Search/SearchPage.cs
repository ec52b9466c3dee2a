using Manuals.Core.Departments;
using Manuals.Core.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace Manuals.Web.Features.Search;

/// <summary>The results page: the form as submitted, the results (null when the form was invalid) and the filter choices.</summary>
public sealed record SearchPage(
    SearchForm Form,
    SearchResults? Results,
    IReadOnlyList<Department> Departments,
    SearchFacets Facets,
    bool HasInvalidFilters)
{
    public string DepartmentName(long id) => Departments.FirstOrDefault(d => d.Id == id)?.Name ?? "";

    /// <summary>No words were searched for (the results, if any, are a listing by filters): there is no relevance to sort by.</summary>
    public bool HasNoWords => Results?.Query.IsEmpty ?? string.IsNullOrWhiteSpace(Form.Q);

    /// <summary>The order the page shows: newest first when chosen, or when there are no words to rank by.</summary>
    public bool SortsByUpdate => Form.SortsByUpdate || HasNoWords;

    /// <summary>This search on another page, with every filter kept.</summary>
    public string PageUrl(int page) => Url(Results?.Query.Text ?? Form.Q, page);

    /// <summary>Another text searched with every filter kept (「もしかして」).</summary>
    public string SearchUrl(string text) => Url(text, 1);

    /// <summary>The manuals with <paramref name="tag"/>, no words, newest first.</summary>
    public static string TagUrl(string tag) => QueryHelpers.AddQueryString("/search", "tag", tag);

    private string Url(string? text, int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = text,
            ["department"] = Form.Department?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tag"] = Form.Tag,
            ["template"] = Form.Template,
            ["status"] = Form.Status?.ToString(),
            ["from"] = Form.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = Form.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = Form.SortsByUpdate ? "updated" : null,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/search", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
