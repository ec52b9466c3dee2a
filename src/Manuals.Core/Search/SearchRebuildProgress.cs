namespace Manuals.Core.Search;

/// <summary>How far a rebuild of the search index has come.</summary>
/// <param name="Done">Manuals indexed so far.</param>
/// <param name="Total">Manuals to index (counted at the start).</param>
public sealed record SearchRebuildProgress(int Done, int Total);
