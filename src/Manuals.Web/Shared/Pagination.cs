namespace Manuals.Web.Shared;

/// <summary>
/// Page links for <c>_Pagination</c>: previous, the first, two pages either side of the current one, the last, next.
/// </summary>
/// <param name="Page">The page shown, from 1.</param>
/// <param name="PageCount">How many pages there are; nothing is drawn for one.</param>
/// <param name="Url">The address of a page.</param>
/// <param name="Label">What the links are pages of, for screen readers (the nav's label).</param>
public sealed record Pagination(int Page, int PageCount, Func<int, string> Url, string Label);
