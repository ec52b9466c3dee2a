using Manuals.Core.Accounts;
using Manuals.Core.Coverage;

namespace Manuals.Core.Search;

/// <summary>
/// Suggestions for the header search box: titles of manuals the viewer may read (asked of the index, title only, with
/// the access policy in the SQL as for results) and names of the business tasks the viewer may see (their own departments', see
/// <see cref="CoverageAccessPolicy.CanSeePeopleOf"/>), matched
/// with the same analyzer and synonyms as a search. The last word typed is a prefix (<c>exc</c> → Excel).
/// </summary>
public sealed class SearchSuggester(ISearchIndex index, ISynonymStore synonyms, IBusinessTaskStore tasks)
{
    /// <summary>At most this many suggestions.</summary>
    public const int MaxSuggestions = 8;

    // Manuals first; tasks take what is left, but at least a few places when there are both.
    private const int TaskPlaces = 3;

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(Viewer viewer, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var parsed = SearchQueryParser.Parse(text, await synonyms.ListAsync(cancellationToken));
        if (parsed.IsEmpty)
        {
            return [];
        }

        var query = AsTyped(parsed);
        await index.WaitForSavesAsync(cancellationToken);
        var manuals = await index.SuggestAsync(query, viewer, MaxSuggestions, cancellationToken);
        var taskMatches = (await tasks.ListNamesAsync(cancellationToken))
            .Where(t => CoverageAccessPolicy.CanSeePeopleOf(viewer, t.DepartmentId) && Matches(t.Name, query))
            .OrderBy(t => t.Name.Length)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(t => new SearchSuggestion(SearchSuggestionKind.Task, t.Id, t.Name))
            .ToList();
        var manualPlaces = MaxSuggestions - Math.Min(TaskPlaces, taskMatches.Count);
        var chosen = manuals.Take(manualPlaces).ToList();
        chosen.AddRange(taskMatches.Take(MaxSuggestions - chosen.Count));
        return chosen;
    }

    /// <summary>True when <paramref name="text"/> matches every clause and no exclusion, as the index would decide.</summary>
    public static bool Matches(string text, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Clauses.All(c => Highlighter.FindMatches(text, c.Alternatives).Count > 0)
            && !query.Exclusions.Any(c => Highlighter.FindMatches(text, c.Alternatives).Count > 0);
    }

    /// <summary>The query with the last token of its last term as a prefix when it is a Latin word or number being typed.</summary>
    public static SearchQuery AsTyped(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Clauses.Count == 0)
        {
            return query;
        }

        var last = query.Clauses[^1];
        var alternatives = last.Alternatives
            .Select(p => !p.IsPrefix && p.Tokens.Count > 0 && p.Tokens[^1].All(char.IsAsciiLetterOrDigit) ? p with { IsPrefix = true } : p)
            .ToList();
        var clauses = query.Clauses.Take(query.Clauses.Count - 1).Append(new SearchClause(alternatives)).ToList();
        return new SearchQuery(query.Text, query.IsTruncated, clauses, query.Exclusions);
    }
}
