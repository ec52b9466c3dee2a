using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>
/// What coverage needs to know about one manual: whether it is published, when its review is due and whether every
/// required section of its template is filled. Precomputed per manual (see <see cref="ManualFactsReader"/>) so the
/// coverage rules stay a pure function.
/// </summary>
public sealed record ManualFacts(long ManualId, ManualStatus Status, DateTimeOffset ReviewDueAt, bool IsComplete)
{
    public bool Published => Status == ManualStatus.Published;

    /// <summary>
    /// Why the manual can or cannot be relied on at <paramref name="now"/>. A manual is usable when it is published,
    /// within its review interval (now is before the due date) and complete.
    /// </summary>
    public ManualUsability UsabilityAt(DateTimeOffset now) => Status switch
    {
        ManualStatus.Draft => ManualUsability.Draft,
        ManualStatus.Archived => ManualUsability.Archived,
        _ when !IsComplete => ManualUsability.Incomplete,
        _ when now >= ReviewDueAt => ManualUsability.ReviewOverdue,
        _ => ManualUsability.Usable,
    };
}
