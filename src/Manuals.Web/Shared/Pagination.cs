namespace Manuals.Web.Shared;

/// <summary>
/// Page links for <c>_Pagination</c>: previous, the first, two pages either side of the current one, the last, next.
/// </summary>
/// <param name="Page">The page shown, from 1.</param>
/// <param name="PageCount">How many pages there are; nothing is drawn for one.</param>
/// <param name="Url">The address of a page.</param>
/// <param name="Label">What the links are pages of, for screen readers (the nav's label).</param>
public sealed record Pagination(int Page, int PageCount, Func<int, string> Url, string Label)
{
    /// <summary>The page <paramref name="page"/> of <paramref name="all"/>, <paramref name="size"/> items a page; past the last, the last.</summary>
    public static PageOf<T> Slice<T>(IReadOnlyList<T> all, int page, int size)
    {
        ArgumentNullException.ThrowIfNull(all);
        var count = Math.Max(1, (all.Count + size - 1) / size);
        var number = Math.Clamp(page, 1, count);
        return new PageOf<T>(all.Skip((number - 1) * size).Take(size).ToList(), number, count);
    }
}

/// <summary>One page of a list held in memory: its items, its number (a page past the last is the last) and the page count.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Number, int Count);
