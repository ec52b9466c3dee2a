namespace Manuals.Core.Search;

/// <summary>What a search journal row asks of an index.</summary>
public enum SearchJournalKind
{
    /// <summary>Read the manual's current row and (re)index it; remove it when the row is gone.</summary>
    Upsert,

    /// <summary>The manual row was deleted: remove it from the index.</summary>
    Delete,
}
