namespace Manuals.Core.Manuals;

/// <summary>
/// One row of a line diff produced by <see cref="TextDiff.Compare(string, string)"/>.
/// </summary>
/// <param name="OldLineNumber">The 1-based line number in the old text, or <see langword="null"/> for an added line.</param>
/// <param name="NewLineNumber">The 1-based line number in the new text, or <see langword="null"/> for a removed line.</param>
/// <param name="Kind">How the line changed.</param>
/// <param name="OldSegments">
/// The old line split into runs; empty for an added line or an empty line. Only a
/// <see cref="DiffLineKind.Modified"/> line mixes changed and unchanged runs; a removed line is one changed run.
/// </param>
/// <param name="NewSegments">
/// The new line split into runs; empty for a removed line or an empty line. Only a
/// <see cref="DiffLineKind.Modified"/> line mixes changed and unchanged runs; an added line is one changed run.
/// </param>
public sealed record DiffLine(
    int? OldLineNumber,
    int? NewLineNumber,
    DiffLineKind Kind,
    IReadOnlyList<DiffSegment> OldSegments,
    IReadOnlyList<DiffSegment> NewSegments);
