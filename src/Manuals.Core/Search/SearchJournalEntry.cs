namespace Manuals.Core.Search;

/// <summary>One row of the search journal: <paramref name="ManualId"/> changed in a way search shows.</summary>
/// <param name="Sequence">Position in the journal; allocated when the row is written, visible when its transaction commits.</param>
/// <param name="ManualId">The manual to re-index or remove; a delete row outlives its manual.</param>
/// <param name="Kind">Upsert or delete.</param>
public sealed record SearchJournalEntry(long Sequence, long ManualId, SearchJournalKind Kind);
