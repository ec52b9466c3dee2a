namespace Manuals.Core.Search;

/// <summary>
/// The search journal in the database: every change that affects what search shows, or who may see it, appends a row
/// in the transaction that makes the change (the stores do that themselves). Each web node's indexer reads it to keep
/// its own index current and reports how far it got, so rows every live node has applied can be pruned.
/// </summary>
public interface ISearchJournal
{
    /// <summary>
    /// Committed rows with a sequence above <paramref name="afterSequence"/>, ascending, at most <paramref name="limit"/>.
    /// On PostgreSQL a lower sequence may still commit after a higher one was read: feed the rows to a
    /// <see cref="SearchJournalCursor"/>, which tracks those gaps.
    /// </summary>
    Task<IReadOnlyList<SearchJournalEntry>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The highest committed sequence, or 0 when the journal is empty.</summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How many committed rows have a sequence above <paramref name="afterSequence"/> and at most
    /// <paramref name="upToSequence"/> (a range scan of the key). Compared with
    /// <see cref="SearchJournalCursor.CountAccepted"/> it tells, without reading the rows, whether one has committed
    /// into a gap since they were read.
    /// </summary>
    Task<long> CountAsync(long afterSequence, long upToSequence, CancellationToken cancellationToken);

    /// <summary>
    /// The highest sequence written at least <paramref name="age"/> ago by the database's clock (0 when none): every
    /// row at or below it has committed or never will, when <paramref name="age"/> is longer than any transaction. An
    /// index built from the manuals starts its cursor here, not at <see cref="LatestSequenceAsync"/>, since a lower
    /// sequence may still commit after the latest one was read.
    /// </summary>
    Task<long> SettledSequenceAsync(TimeSpan age, CancellationToken cancellationToken);

    /// <summary>
    /// How many rows the journal holds and how many of them lie above <paramref name="appliedSequence"/>, in one
    /// query (the metrics of a node's search index lag).
    /// </summary>
    Task<SearchJournalStatus> StatusAsync(long appliedSequence, CancellationToken cancellationToken);

    /// <summary>
    /// The database's search index generation: a random id the index records with its watermark. Journal positions
    /// are only meaningful within one generation; a restore, a move to another database or a rebuild request writes a
    /// new one, and an index built from another generation must be rebuilt from the manuals.
    /// </summary>
    Task<string> GenerationAsync(CancellationToken cancellationToken);

    /// <summary>Records that node <paramref name="nodeId"/> has applied every row up to <paramref name="appliedSequence"/> (its cursor's watermark), seen at <paramref name="now"/>.</summary>
    Task RecordProgressAsync(string nodeId, long appliedSequence, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets nodes not seen since <paramref name="liveSince"/>, then deletes the rows every remaining node has
    /// applied (sequence at or below the lowest applied sequence). Deletes nothing when no node is live. Returns how
    /// many journal rows were deleted. A forgotten node must rebuild its index from the manuals when it comes back.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset liveSince, CancellationToken cancellationToken);
}
