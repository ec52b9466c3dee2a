namespace Manuals.Core.Search;

/// <summary>
/// A query that found nothing or little, counted without anyone's identity: the normalised words, how often, the last
/// day (no time of day) and how many manuals the last such search found.
/// </summary>
/// <param name="Id">The row id.</param>
/// <param name="Query">The normalised query (<see cref="MissedSearches.Normalize"/>).</param>
/// <param name="Count">How many searches.</param>
/// <param name="LastDay">The day of the last one, in the configured time zone.</param>
/// <param name="LastHits">Manuals found by the last one (0 to <see cref="MissedSearches.FewHits"/>).</param>
public sealed record MissedSearch(long Id, string Query, int Count, DateOnly LastDay, int LastHits);
