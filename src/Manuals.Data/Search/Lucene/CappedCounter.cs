using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// Counts matches and stops at <paramref name="cap"/>: every later segment is skipped as soon as it is offered. For a
/// count that is only shown up to a cap, or only compared.
/// </summary>
internal sealed class CappedCounter(int cap) : ICollector
{
    public int Count { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (Count >= cap)
        {
            throw new CollectionTerminatedException();
        }
    }

    public void Collect(int doc)
    {
        if (++Count >= cap)
        {
            throw new CollectionTerminatedException();
        }
    }
}
