using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Reading;

/// <summary>
/// What a reader has at hand: the manuals they must read (必読), favourite manuals (お気に入り) and the manuals they opened
/// last (最近見たマニュアル), for new hires and for the people who use the same ten manuals every month-end. A manual the
/// reader may no longer read drops out of every list.
/// </summary>
public sealed class ReaderShelf(
    IManualStore manuals, IFavoriteStore favorites, IRecentViewStore views, IRequiredReadingStore required, ICheckQuestionStore questions, TimeProvider clock)
{
    /// <summary>How many recently opened manuals the home page shows.</summary>
    public const int RecentShown = 8;

    /// <summary>
    /// Records that the viewer opened a manual they may read (the manual page): whether it is one of their favourites,
    /// their required reading of it and, while that is not confirmed, the 理解度チェック to answer.
    /// </summary>
    /// <param name="revisionNumber">The revision the page shows: opening it counts as 既読 for required reading.</param>
    public async Task<ManualForReader> OpenedAsync(Viewer viewer, long manualId, int revisionNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var now = clock.GetUtcNow();
        await views.RecordAsync(viewer.UserId, manualId, now, cancellationToken);
        var reading = await required.FindForUserAsync(viewer.UserId, manualId, cancellationToken);
        if (reading is not null && reading.State != ReadingState.Confirmed && (reading.OpenedRevision ?? 0) < revisionNumber)
        {
            await required.RecordOpenAsync(manualId, viewer.UserId, revisionNumber, now, cancellationToken);
            reading = reading with { OpenedRevision = revisionNumber };
        }

        return new ManualForReader(
            await favorites.IsFavoriteAsync(viewer.UserId, manualId, cancellationToken),
            reading,
            reading is { State: not ReadingState.Confirmed } ? await questions.ListAsync(manualId, cancellationToken) : []);
    }

    /// <summary>Marks or unmarks a manual as the viewer's favourite; only a manual they may read.</summary>
    /// <returns><see cref="SaveOutcome.Saved"/>, <see cref="SaveOutcome.NotFound"/> or <see cref="SaveOutcome.Forbidden"/>.</returns>
    public async Task<SaveOutcome> SetFavoriteAsync(Viewer viewer, long manualId, bool favorite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return SaveOutcome.NotFound;
        }

        if (!ManualAccessPolicy.CanRead(viewer, manual))
        {
            return SaveOutcome.Forbidden;
        }

        await favorites.SetAsync(viewer.UserId, manualId, favorite, clock.GetUtcNow(), cancellationToken);
        return SaveOutcome.Saved;
    }

    /// <summary>The viewer's required reading, favourites and recently opened manuals, only those they may read.</summary>
    public async Task<ReaderLists> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var favoriteIds = await favorites.ListAsync(viewer.UserId, cancellationToken);
        var recentIds = await views.ListAsync(viewer.UserId, IRecentViewStore.Kept, cancellationToken);
        var assigned = await required.ListForUserAsync(viewer.UserId, cancellationToken);
        var readable = (await manuals.ListByIdsAsync([.. favoriteIds, .. recentIds, .. assigned.Select(r => r.ManualId)], cancellationToken))
            .Where(m => ManualAccessPolicy.CanRead(viewer, m))
            .ToDictionary(m => m.Id);
        var reading = assigned
            .Where(r => readable.ContainsKey(r.ManualId))
            .Select(r => (Manual: readable[r.ManualId], Reading: r))
            .OrderBy(x => x.Reading.State == ReadingState.Confirmed)
            .ThenBy(x => x.Reading.DueOn)
            .ToList();
        return new ReaderLists(
            reading,
            favoriteIds.Select(readable.GetValueOrDefault).OfType<ManualSummary>().ToList(),
            recentIds.Select(readable.GetValueOrDefault).OfType<ManualSummary>().Take(RecentShown).ToList());
    }
}
