namespace Manuals.Core.Search;

/// <summary>Counts of searches that found nothing or little; stores no user, address or time of day.</summary>
public interface IMissedSearchStore
{
    /// <summary>Adds one to <paramref name="query"/>'s count (a new row at 1), and sets its last day and hits.</summary>
    Task RecordAsync(string query, int hits, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Every counted query, most searched first.</summary>
    Task<IReadOnlyList<MissedSearch>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes one row (a writer has dealt with it). False when it did not exist.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);
}
