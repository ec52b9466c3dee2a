using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Search;
using Manuals.Web.Shared;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Search;

/// <summary>Builds the results page: turns the form into a search request (dates in the configured time zone) and runs it.</summary>
public sealed class SearchPages(
    SearchService search,
    IDepartmentStore departments,
    IMissedSearchStore missed,
    TimeProvider clock,
    IOptions<ManualsOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The page for <paramref name="form"/>; when <paramref name="valid"/> is false, the form without results.</summary>
    public async Task<SearchPage> SearchAsync(Viewer viewer, SearchForm form, bool valid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // The filter choices and the departments do not depend on the search: they are read at the same time, each on
        // a connection of its own, so the page waits for the slowest of the three rather than for their sum.
        var allTask = departments.ListAsync(cancellationToken);
        var facetsTask = search.FacetsAsync(viewer, cancellationToken);
        if (!valid)
        {
            return new SearchPage(form, null, await allTask, await facetsTask, HasInvalidFilters: true);
        }

        var filters = new SearchFilters(
            form.Department,
            form.Tag,
            form.Template,
            form.Status,
            form.From is { } from ? StartOf(from) : null,
            form.To is { } to ? StartOf(to.AddDays(1)) : null);
        var request = new SearchRequest(form.Q, filters, form.SortsByUpdate ? SearchSort.Updated : SearchSort.Relevance, form.Page ?? 1);
        var results = await search.SearchAsync(viewer, request, cancellationToken);
        var all = await allTask;
        var facets = await facetsTask;
        await CountIfMissedAsync(form, results, cancellationToken);
        return new SearchPage(form, results, all, facets, HasInvalidFilters: false);
    }

    /// <summary>
    /// Counts a search where at most <see cref="MissedSearches.FewHits"/> manuals — only a first page without
    /// filters (a filter or a later page says nothing about a missing manual) — under its normalised form, with the day.
    /// </summary>
    private async Task CountIfMissedAsync(SearchForm form, SearchResults results, CancellationToken cancellationToken)
    {
        // Manuals holding only some of the words do not answer the search: what held every word is counted.
        if (results.Query.IsEmpty || form.HasFilters || (form.Page ?? 1) != 1 || !MissedSearches.IsMissed(results.StrictTotal))
        {
            return;
        }

        var normalized = MissedSearches.Normalize(results.Query.Text);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);
        await missed.RecordAsync(normalized, results.StrictTotal, today, cancellationToken);
    }

    /// <summary>Midnight at the start of <paramref name="day"/> in the configured time zone.</summary>
    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }
}
