using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Manuals.Core.Accounts;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// What a viewer may read (<see cref="LuceneQueries.Readable"/>) as a filter whose matches are kept as a bit set per
/// index segment: a search then skips what the viewer may not read instead of matching the access rules beside every
/// hit. Viewers with the same <see cref="AccessKey"/> share one filter. A segment never changes, and a manual whose
/// access changes is written anew into another segment, so a kept bit set is never stale (deletions are applied on top).
/// </summary>
internal sealed class ReadableFilters
{
    /// <summary>Filters kept for at most this many access keys (then all are forgotten and built again as needed).</summary>
    private const int MaxKept = 1_000;

    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    /// <summary>Viewers with the same key may read the same manuals (<see cref="LuceneQueries.Readable"/>).</summary>
    public static string AccessKey(Viewer viewer) =>
        viewer.IsAdmin
            ? "admin"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{(viewer.IsWriter ? "writer" : "reader")}:{viewer.UserId}:{string.Join(',', viewer.DepartmentIds.Order())}");

    /// <summary>The manuals <paramref name="viewer"/> may read; null for an Admin, who may read every one.</summary>
    public Filter? For(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsAdmin)
        {
            return null;
        }

        if (_filters.Count > MaxKept)
        {
            _filters.Clear();
        }

        return _filters.GetOrAdd(AccessKey(viewer), _ => new BitSetFilter(new QueryWrapperFilter(LuceneQueries.Readable(viewer))));
    }

    /// <summary>
    /// Keeps each segment's matches as a plain bit set, which a search can test document by document (the postings skip
    /// what is not readable), rather than the compressed set the base class keeps, which can only be walked beside them.
    /// </summary>
    private sealed class BitSetFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
