namespace Manuals.Core.Manuals;

/// <summary>
/// Where a page of a manual list starts: after (older than) or before (newer than) the manual with
/// <see cref="ManualId"/>, in the list's order (newest update first). A keyset, so the hundredth page costs what the first does.
/// </summary>
public sealed record ManualListPosition(long ManualId, bool Before);

/// <summary>One page of a manual list, and whether there are newer (<see cref="HasNewer"/>) or older manuals beside it.</summary>
public sealed record ManualListSlice(IReadOnlyList<ManualSummary> Manuals, bool HasNewer, bool HasOlder);

/// <summary>A manual's current text and the revision it is.</summary>
public sealed class ManualText
{
    public long Id { get; init; }
    public int RevisionNumber { get; init; }
    public string Body { get; init; } = "";
}
