using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// Newest first: by last update, then by id, both descending — the order of a listing, and of equal scores. Every match
/// is compared, so the two values are read from arrays kept per segment (a segment never changes) rather than from the
/// doc values on disk for each comparison.
/// </summary>
internal sealed class NewestFirst : FieldComparerSource
{
    private static readonly ConditionalWeakTable<object, Keys> KeysBySegment = new();

    /// <summary>The sort field (the field name is only a label: the values come from <see cref="LuceneFields.Updated"/> and <see cref="LuceneFields.IdValue"/>).</summary>
    public static SortField Field { get; } = new(LuceneFields.Updated, new NewestFirst());

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new Comparer(numHits);

    private static Keys KeysOf(AtomicReader reader) => KeysBySegment.GetValue(reader.CoreCacheKey, _ =>
    {
        var updated = new long[reader.MaxDoc];
        var ids = new long[reader.MaxDoc];
        var updatedValues = reader.GetNumericDocValues(LuceneFields.Updated);
        var idValues = reader.GetNumericDocValues(LuceneFields.IdValue);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            updated[doc] = updatedValues?.Get(doc) ?? 0;
            ids[doc] = idValues?.Get(doc) ?? 0;
        }

        return new Keys(updated, ids);
    });

    /// <summary>Negative when (<paramref name="updatedA"/>, <paramref name="idA"/>) is the newer, so it sorts first.</summary>
    private static int Order(long updatedA, long idA, long updatedB, long idB)
    {
        var byUpdate = updatedB.CompareTo(updatedA);
        return byUpdate != 0 ? byUpdate : idB.CompareTo(idA);
    }

    private sealed record Keys(long[] Updated, long[] Ids);

    private sealed class Comparer(int slots) : FieldComparer<J2N.Numerics.Int64>
    {
        private readonly long[] _updated = new long[slots];
        private readonly long[] _ids = new long[slots];
        private Keys _segment = new([], []);
        private (long Updated, long Id) _bottom;
        private (long Updated, long Id) _top;

        public override J2N.Numerics.Int64 this[int slot] => J2N.Numerics.Int64.GetInstance(_updated[slot]);

        public override int Compare(int slot1, int slot2) => Order(_updated[slot1], _ids[slot1], _updated[slot2], _ids[slot2]);

        public override void SetBottom(int slot) => _bottom = (_updated[slot], _ids[slot]);

        public override void SetTopValue(J2N.Numerics.Int64 value) => _top = (value?.ToInt64() ?? 0, long.MaxValue);

        public override int CompareBottom(int doc) => Order(_bottom.Updated, _bottom.Id, _segment.Updated[doc], _segment.Ids[doc]);

        public override int CompareTop(int doc) => Order(_top.Updated, _top.Id, _segment.Updated[doc], _segment.Ids[doc]);

        public override void Copy(int slot, int doc)
        {
            _updated[slot] = _segment.Updated[doc];
            _ids[slot] = _segment.Ids[doc];
        }

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            _segment = KeysOf(context.AtomicReader);
            return this;
        }
    }
}
