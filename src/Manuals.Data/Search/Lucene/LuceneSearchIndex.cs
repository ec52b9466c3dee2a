using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// Search on this node's Lucene index (<see cref="LuceneIndex"/>), kept current by <see cref="LuceneIndexer"/>. Before
/// the searches of a request, <see cref="WaitForSavesAsync"/> lets the indexer apply what the journal holds beyond the
/// index (read-your-writes, bounded). The index
/// finds, ranks, counts and pages; the rows of a page are read from the database afterwards and checked against the
/// access policy once more, so a manual whose access changed a moment ago is never shown to someone who may no longer
/// read it.
/// </summary>
public sealed class LuceneSearchIndex(LuceneIndex index, LuceneIndexer indexer, IndexSource source) : ISearchIndex
{
    /// <summary>The schema of the documents (<see cref="LuceneFields"/>) and the analyzer: an index of another version is rebuilt.</summary>
    public static readonly string SchemaVersion = "2." + SearchAnalyzer.Version.ToString(CultureInfo.InvariantCulture);

    private static readonly Sort ByRelevance = new(SortField.FIELD_SCORE, NewestFirst.Field);

    /// <summary>Filter choices kept per reader for at most this many access keys (then the reader's are forgotten).</summary>
    private const int MaxCachedFacets = 1_000;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, SearchFacets>> _facets = new();

    private readonly ReadableFilters _readable = new();

    private static readonly Sort ByUpdated = new(NewestFirst.Field);

    public Task WaitForSavesAsync(CancellationToken cancellationToken) => indexer.CatchUpForReadAsync(cancellationToken);

    public async Task<SearchIndexPage> SearchAsync(
        SearchQuery query, SearchFilters filters, SearchSort sort, int offset, int limit, Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(viewer);
        if (query.IsEmpty && LuceneQueries.Filters(filters) is null)
        {
            // No words and no filter: nothing asked for (with a filter, the filter lists its manuals).
            return new SearchIndexPage(0, []);
        }

        offset = Math.Clamp(offset, 0, SearchLimits.MaxCount);
        limit = Math.Clamp(limit, 1, 100);
        var (total, ids) = index.Read(searcher =>
        {
            var match = Restricted(LuceneQueries.Match(query, searcher.IndexReader), filters);
            var readable = _readable.For(viewer);
            var wanted = Math.Min(offset + limit, SearchLimits.MaxCount);
            var (count, docs) = sort == SearchSort.Updated
                ? All(searcher, match, readable, wanted, ByUpdated)
                : TitledFirst(searcher, match, readable, query, wanted)
                    ?? All(searcher, LuceneQueries.WithTitleBonus(match, LuceneQueries.TitleMatch(query, searcher.IndexReader)), readable, wanted, ByRelevance);
            return (count, docs.Skip(offset).Select(hit => IdOf(searcher, hit.Doc)).ToList());
        });

        var rows = (await source.RowsAsync(ids, cancellationToken))
            .Where(m => ManualAccessPolicy.CanRead(viewer, m.DepartmentId, m.Visibility, m.OwnerId, m.Status))
            .Select(m => new SearchIndexRow
            {
                Id = m.Id,
                Title = m.Title,
                DepartmentId = m.DepartmentId,
                Visibility = m.Visibility,
                Status = m.Status,
                Template = m.Template,
                UpdatedAt = m.UpdatedAt,
                Tags = m.Tags,
                Body = m.Markdown,
            })
            .ToList();
        return new SearchIndexPage(Math.Min(total, SearchLimits.MaxCount), rows, total > SearchLimits.MaxCount);
    }

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(SearchQuery query, Viewer viewer, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        if (query.IsEmpty || limit <= 0)
        {
            return Task.FromResult<IReadOnlyList<SearchSuggestion>>([]);
        }

        return Task.FromResult<IReadOnlyList<SearchSuggestion>>(index.Read(searcher =>
        {
            var top = searcher.Search(LuceneQueries.TitleMatch(query, searcher.IndexReader), _readable.For(viewer), limit, ByRelevance, doDocScores: false, doMaxScore: false);
            return top.ScoreDocs
                .Select(hit => searcher.Doc(hit.Doc))
                .Select(doc => new SearchSuggestion(
                    SearchSuggestionKind.Manual, long.Parse(doc.Get(LuceneFields.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), doc.Get(LuceneFields.Title, CultureInfo.InvariantCulture)))
                .ToList();
        }));
    }

    public Task<string?> CorrectAsync(string word, Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(viewer);
        return Task.FromResult(index.Read(searcher => LuceneSpelling.Correct(searcher, word, _readable.For(viewer))));
    }

    public Task<SearchFacets> FacetsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return Task.FromResult(index.Read(searcher =>
        {
            // Every search page shows them, and they change only with the index: kept per reader (a commit opens a new
            // one) and per set of manuals a viewer may read, they are collected once rather than on every page.
            var cache = _facets.GetValue(searcher.IndexReader, _ => new ConcurrentDictionary<string, SearchFacets>(StringComparer.Ordinal));
            if (cache.Count > MaxCachedFacets)
            {
                cache.Clear();
            }

            return cache.GetOrAdd(ReadableFilters.AccessKey(viewer), _ =>
            {
                var collector = new ValuesCollector(LuceneFields.Tag, LuceneFields.Template);
                searcher.Search(new MatchAllDocsQuery(), _readable.For(viewer), collector);
                return new SearchFacets(collector.Values(0), collector.Values(1));
            });
        }));
    }

    public Task<int> RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken) =>
        indexer.RebuildAsync(progress, cancellationToken);

    /// <summary>Applies the journal rows this node has not applied yet; returns how many manuals changed in the index.</summary>
    public Task<int> CatchUpAsync(CancellationToken cancellationToken) => indexer.SyncAsync(cancellationToken);

    public async Task<SearchIndexStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var database = await source.RevisionsAsync(cancellationToken);
        var indexed = IndexedRevisions();
        return new SearchIndexStatus(database.Count, database.Count(m => indexed.TryGetValue(m.Key, out var revision) && revision == m.Value));
    }

    /// <summary>The id and revision of every manual in the index.</summary>
    private Dictionary<long, long> IndexedRevisions() => index.Read(searcher =>
    {
        var revisions = new Dictionary<long, long>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var ids = reader.GetNumericDocValues(LuceneFields.IdValue);
            var numbers = reader.GetNumericDocValues(LuceneFields.Revision);
            if (ids is null || numbers is null)
            {
                continue;
            }

            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    revisions[ids.Get(doc)] = numbers.Get(doc);
                }
            }
        }

        return revisions;
    });

    /// <summary>The query, restricted to the filters; they add nothing to the score.</summary>
    private static Query Restricted(Query match, SearchFilters filters)
    {
        if (LuceneQueries.Filters(filters) is not { } filter)
        {
            return match;
        }

        return new BooleanQuery(disableCoord: true)
        {
            { match, Occur.MUST },
            { new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST },
        };
    }

    /// <summary>Every match the viewer may read, ranked and counted (Lucene matches each one).</summary>
    private static (int Total, ScoreDoc[] Docs) All(IndexSearcher searcher, Query match, Filter? readable, int wanted, Sort sort)
    {
        var top = searcher.Search(match, readable, wanted, sort, doDocScores: false, doMaxScore: false);
        return (top.TotalHits, top.ScoreDocs);
    }

    /// <summary>
    /// By relevance, a manual whose title holds one of the query's phrases scores <see cref="LuceneQueries.TitleBonus"/>
    /// more than any other can reach (<see cref="LuceneQueries.MaxRelevance"/> tells, for this query and index), so the
    /// page is the best of those titled with it, then the best of the others: ranked apart, the matches need not be checked
    /// against the title one by one. When the titled ones fill the page, the others need only be counted, up to the cap:
    /// a common word then costs the manuals titled with it and a thousand more, not every manual that mentions it. The
    /// page is the same as ranking every match with the bonus. Null when the bonus does not dominate the score.
    /// </summary>
    private static (int Total, ScoreDoc[] Docs)? TitledFirst(IndexSearcher searcher, Query match, Filter? readable, SearchQuery query, int wanted)
    {
        if (LuceneQueries.MaxRelevance(match, searcher.IndexReader.MaxDoc) >= LuceneQueries.TitleBonus)
        {
            return null;
        }

        // Scored with the bonus, as among all matches (a float sum, so equal-looking scores tie the same way).
        var title = LuceneQueries.TitleMatch(query, searcher.IndexReader);
        var titled = new BooleanQuery(disableCoord: true)
        {
            { LuceneQueries.WithTitleBonus(match, title), Occur.MUST },
            { new ConstantScoreQuery(title) { Boost = 0 }, Occur.MUST },
        };
        var top = searcher.Search(titled, readable, wanted, ByRelevance, doDocScores: false, doMaxScore: false);
        if (top.TotalHits >= wanted)
        {
            var counter = new CappedCounter(SearchLimits.MaxCount + 1);
            searcher.Search(match, readable, counter);
            return (counter.Count, top.ScoreDocs);
        }

        // The titled ones are among the best of all matches by BM25 alone: enough more are taken to fill the page without them.
        var all = searcher.Search(match, readable, wanted + top.ScoreDocs.Length, ByRelevance, doDocScores: false, doMaxScore: false);
        var titledDocs = top.ScoreDocs.Select(hit => hit.Doc).ToHashSet();
        var others = all.ScoreDocs.Where(hit => !titledDocs.Contains(hit.Doc)).Take(wanted - top.ScoreDocs.Length);
        return (all.TotalHits, [.. top.ScoreDocs, .. others]);
    }

    private static long IdOf(IndexSearcher searcher, int doc)
    {
        var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves)];
        return leaf.AtomicReader.GetNumericDocValues(LuceneFields.IdValue).Get(doc - leaf.DocBase);
    }

    /// <summary>Collects the distinct values of sorted-set doc-value fields over the matching documents.</summary>
    private sealed class ValuesCollector(params string[] fields) : ICollector
    {
        private readonly SortedSet<string>[] _values = fields.Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        private readonly SortedSetDocValues?[] _current = new SortedSetDocValues?[fields.Length];
        private readonly HashSet<long>[] _ords = fields.Select(_ => new HashSet<long>()).ToArray();

        public bool AcceptsDocsOutOfOrder => true;

        public List<string> Values(int field)
        {
            Flush();
            return _values[field].ToList();
        }

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            for (var i = 0; i < fields.Length; i++)
            {
                _current[i] = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            }
        }

        public void Collect(int doc)
        {
            for (var i = 0; i < _current.Length; i++)
            {
                if (_current[i] is not { } values)
                {
                    continue;
                }

                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    _ords[i].Add(ord);
                }
            }
        }

        /// <summary>Turns the segment's ordinals into values (ordinals are per segment).</summary>
        private void Flush()
        {
            var text = new BytesRef();
            for (var i = 0; i < _current.Length; i++)
            {
                if (_current[i] is { } values)
                {
                    foreach (var ord in _ords[i])
                    {
                        values.LookupOrd(ord, text);
                        _values[i].Add(text.Utf8ToString());
                    }
                }

                _ords[i].Clear();
            }
        }
    }
}
