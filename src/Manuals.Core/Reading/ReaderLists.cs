using Manuals.Core.Manuals;

namespace Manuals.Core.Reading;

/// <summary>
/// A reader's own lists on the home page, only manuals they may read: required reading (あなたの必読マニュアル, the ones
/// still to do first), favourites and the manuals they opened last.
/// </summary>
public sealed record ReaderLists(
    IReadOnlyList<(ManualSummary Manual, ReadingRow Reading)> Required,
    IReadOnlyList<ManualSummary> Favorites,
    IReadOnlyList<ManualSummary> RecentlyViewed);
