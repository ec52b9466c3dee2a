using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Core.Search;

/// <summary>
/// Runs a search for a viewer: parses the text with the synonyms, brings the index up to the saves committed so far
/// (once for the whole search), asks the index, and cuts highlighted snippets. When
/// hardly any manual holds every word, it shows those holding some of them (one more index query); when none holds
/// them all, it looks for a misspelt word (「もしかして」). With no words but a filter, it lists the filtered manuals.
/// </summary>
public sealed class SearchService(ISearchIndex index, ISynonymStore synonyms, MarkdownRenderer renderer, IBusinessTaskStore tasks)
{
    /// <summary>Business tasks shown above the results at most.</summary>
    public const int MaxTasks = 5;

    public async Task<SearchResults> SearchAsync(Viewer viewer, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        var groups = await synonyms.ListAsync(cancellationToken);
        var query = SearchQueryParser.Parse(request.Text, groups);
        var isListing = query.IsEmpty && request.Filters != SearchFilters.None;
        if (query.IsEmpty && !isListing)
        {
            return new SearchResults(query, 0, 1, 0, []);
        }

        await index.WaitForSavesAsync(cancellationToken);

        // Without words there is nothing to rank by: a listing is newest first.
        var sort = isListing ? SearchSort.Updated : request.Sort;
        const int size = SearchLimits.PageSize;
        // Only the first SearchLimits.MaxCount matches are offered, so no page lies beyond them.
        var page = Math.Clamp(request.Page, 1, SearchLimits.MaxCount / size);
        var found = await PageAsync(query, request.Filters, sort, page, viewer, cancellationToken);
        var strictTotal = found.Page.Total;
        var isPartial = false;
        if (query.Clauses.Count > 1 && MissedSearches.IsMissed(strictTotal))
        {
            // Hardly any manual holds every word: those holding the most of them, the complete ones first.
            var partial = await PageAsync(query.AsPartial(), request.Filters, sort, page, viewer, cancellationToken);
            if (partial.Page.Total > strictTotal)
            {
                (found, isPartial) = (partial, true);
            }
        }

        var phrases = query.HighlightPhrases;
        var hits = found.Page.Rows
            .Select(row => new SearchHit(
                row,
                Highlighter.Highlight(row.Title, phrases),
                Highlighter.Snippet(renderer.ToSnippetText(row.Body), query.Clauses)))
            .ToList();
        var pageCount = (found.Page.Total + size - 1) / size;
        return new SearchResults(query, found.Page.Total, found.Number, pageCount, hits, found.Page.IsTotalCapped)
        {
            IsPartial = isPartial,
            StrictTotal = strictTotal,
            IsListing = isListing,
            Correction = strictTotal == 0 && !isListing ? await CorrectionAsync(query, request.Filters, viewer, groups, cancellationToken) : null,
            Tasks = isListing ? [] : await TasksAsync(viewer, query, cancellationToken),
        };
    }

    /// <summary>The filter choices for <paramref name="viewer"/>.</summary>
    public async Task<SearchFacets> FacetsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await index.WaitForSavesAsync(cancellationToken);
        return await index.FacetsAsync(viewer, cancellationToken);
    }

    /// <summary>The page asked for, or the last page when it lies beyond the matches.</summary>
    private async Task<(SearchIndexPage Page, int Number)> PageAsync(
        SearchQuery query, SearchFilters filters, SearchSort sort, int page, Viewer viewer, CancellationToken cancellationToken)
    {
        const int size = SearchLimits.PageSize;
        var found = await index.SearchAsync(query, filters, sort, (page - 1) * size, size, viewer, cancellationToken);
        var pageCount = (found.Total + size - 1) / size;
        if (found.Rows.Count == 0 && page > pageCount && pageCount > 0)
        {
            page = pageCount;
            found = await index.SearchAsync(query, filters, sort, (page - 1) * size, size, viewer, cancellationToken);
        }

        return (found, page);
    }

    /// <summary>
    /// The text with each plain word that finds nothing replaced by the index's nearest word that does (for this viewer),
    /// when the whole corrected text then finds manuals with the same filters; otherwise null.
    /// </summary>
    private async Task<string?> CorrectionAsync(
        SearchQuery query, SearchFilters filters, Viewer viewer, IReadOnlyList<SynonymGroup> groups, CancellationToken cancellationToken)
    {
        var words = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var i = 0; i < words.Length && i < SearchLimits.MaxTerms; i++)
        {
            if (!IsPlainWord(words[i]))
            {
                continue;
            }

            if (await index.CorrectAsync(words[i], viewer, cancellationToken) is { } corrected)
            {
                words[i] = corrected;
                changed = true;
            }
        }

        if (!changed)
        {
            return null;
        }

        var text = string.Join(' ', words);
        var found = await index.SearchAsync(SearchQueryParser.Parse(text, groups), filters, SearchSort.Relevance, 0, 1, viewer, cancellationToken);
        return found.Total > 0 ? text : null;
    }

    /// <summary>A word as typed, neither an operator, an exclusion nor part of a quoted phrase.</summary>
    private static bool IsPlainWord(string word) =>
        word is not ("OR" or "ＯＲ") && !"-－−\"＂“”".Contains(word[0], StringComparison.Ordinal) && !word.Any(c => c is '"' or '＂' or '“' or '”');

    /// <summary>Business tasks the viewer may see (their departments', <see cref="CoverageAccessPolicy.CanSeePeopleOf"/>) whose names hold every word.</summary>
    private async Task<IReadOnlyList<BusinessTaskName>> TasksAsync(Viewer viewer, SearchQuery query, CancellationToken cancellationToken) =>
        (await tasks.ListNamesAsync(cancellationToken))
            .Where(t => CoverageAccessPolicy.CanSeePeopleOf(viewer, t.DepartmentId) && SearchSuggester.Matches(t.Name, query))
            .OrderBy(t => t.Name.Length)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(MaxTasks)
            .ToList();
}
