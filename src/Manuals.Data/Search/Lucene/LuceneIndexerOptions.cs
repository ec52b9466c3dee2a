namespace Manuals.Data.Search.Lucene;

/// <summary>How this node's indexer identifies itself and how long a search waits for it.</summary>
public sealed class LuceneIndexerOptions
{
    /// <summary>This node's name in the journal's progress table: unique per index folder.</summary>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>How long a search waits for the index to apply saves committed before it (read-your-writes).</summary>
    public TimeSpan ReadWait { get; set; } = TimeSpan.FromSeconds(2);
}
