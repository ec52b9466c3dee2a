namespace Manuals.Core.Manuals;

/// <summary>A place both writers changed differently since the common base.</summary>
/// <param name="Line">1-based line of the merged text where the writer's version of this place begins.</param>
/// <param name="Base">The lines as they were in the common base (empty for two insertions at the same place).</param>
/// <param name="Theirs">The lines as the other save has them (not in the merged text).</param>
/// <param name="Mine">The lines as the writer has them (this is what the merged text holds).</param>
public sealed record TextMergeConflict(int Line, string Base, string Theirs, string Mine);
