namespace Manuals.Web.Features.Search;

/// <summary>Where the admin-started rebuild of the search index is.</summary>
/// <param name="IsRunning">A rebuild is running now.</param>
/// <param name="Done">Manuals indexed so far (or in the last run).</param>
/// <param name="Total">Manuals to index (or indexed in the last run).</param>
/// <param name="FinishedAt">When the last run ended, if one has.</param>
/// <param name="Failed">The last run stopped with an error.</param>
public sealed record SearchRebuildState(bool IsRunning, int Done, int Total, DateTimeOffset? FinishedAt, bool Failed)
{
    public static SearchRebuildState NeverRun { get; } = new(false, 0, 0, null, false);
}
