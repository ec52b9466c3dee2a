namespace Manuals.Core.Reading;

/// <summary>The manuals each reader opened last (最近見たマニュアル), for the home page.</summary>
public interface IRecentViewStore
{
    /// <summary>How many manuals are remembered per reader; older ones are forgotten as new ones are opened.</summary>
    public const int Kept = 50;

    /// <summary>Records that the user opened the manual now (its earlier time is replaced), keeping the newest <see cref="Kept"/>.</summary>
    /// <param name="userId">The reader.</param>
    /// <param name="manualId">The manual they opened.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task RecordAsync(long userId, long manualId, DateTimeOffset at, CancellationToken cancellationToken) =>
        RecordAsync([new ManualView(userId, manualId, at)], cancellationToken);

    /// <summary>Records many openings at once, in one transaction (each as <see cref="RecordAsync(long, long, DateTimeOffset, CancellationToken)"/>).</summary>
    Task RecordAsync(IReadOnlyCollection<ManualView> views, CancellationToken cancellationToken);

    /// <summary>The ids of the manuals the user opened, the latest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<long>> ListAsync(long userId, int limit, CancellationToken cancellationToken);
}

/// <summary>That <paramref name="UserId"/> opened the manual <paramref name="ManualId"/> at <paramref name="At"/>.</summary>
public sealed record ManualView(long UserId, long ManualId, DateTimeOffset At);
