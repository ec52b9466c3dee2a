using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Search;

/// <summary>Runs a search for a viewer: parses the text with the synonyms, asks the index, and cuts highlighted snippets.</summary>
public sealed class SearchService(ISearchIndex index, ISynonymStore synonyms, MarkdownRenderer renderer)
{
    public async Task<SearchResults> SearchAsync(Viewer viewer, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        var query = SearchQueryParser.Parse(request.Text, await synonyms.ListAsync(cancellationToken));
        if (query.IsEmpty)
        {
            return new SearchResults(query, 0, 1, 0, []);
        }

        const int size = SearchLimits.PageSize;
        // Only the first SearchLimits.MaxCount matches are offered, so no page lies beyond them.
        var page = Math.Clamp(request.Page, 1, SearchLimits.MaxCount / size);
        var found = await index.SearchAsync(query, request.Filters, request.Sort, (page - 1) * size, size, viewer, cancellationToken);
        var pageCount = (found.Total + size - 1) / size;
        if (found.Rows.Count == 0 && page > pageCount && pageCount > 0)
        {
            page = pageCount;
            found = await index.SearchAsync(query, request.Filters, request.Sort, (page - 1) * size, size, viewer, cancellationToken);
        }

        var phrases = query.HighlightPhrases;
        var hits = found.Rows
            .Select(row => new SearchHit(
                row,
                Highlighter.Highlight(row.Title, phrases),
                Highlighter.Snippet(renderer.ToPlainText(row.Body), phrases)))
            .ToList();
        return new SearchResults(query, found.Total, page, pageCount, hits, found.IsTotalCapped);
    }

    /// <summary>The filter choices for <paramref name="viewer"/>.</summary>
    public Task<SearchFacets> FacetsAsync(Viewer viewer, CancellationToken cancellationToken) =>
        index.FacetsAsync(viewer, cancellationToken);
}
