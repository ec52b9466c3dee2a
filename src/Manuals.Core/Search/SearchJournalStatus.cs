namespace Manuals.Core.Search;

/// <summary>
/// The journal as one node sees it: <paramref name="Rows"/> in <c>search_journal</c> (pruning keeps it short),
/// <paramref name="RowsAfter"/> of them past the node's applied position, the oldest of those written at
/// <paramref name="OldestAfter"/> (null when there is none).
/// </summary>
public sealed record SearchJournalStatus(long Rows, long RowsAfter, DateTimeOffset? OldestAfter);
