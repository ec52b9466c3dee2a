namespace Manuals.Core.Manuals;

/// <summary>The outcome of <see cref="TextMerge.Merge(string, string, string)"/>.</summary>
/// <param name="Text">
/// The merged text: every change that did not collide, and the writer's version wherever both sides changed the same place.
/// </param>
/// <param name="Conflicts">The places both sides changed differently, in text order; empty when the merge is clean.</param>
public sealed record TextMergeResult(string Text, IReadOnlyList<TextMergeConflict> Conflicts)
{
    /// <summary>True when nothing collided.</summary>
    public bool IsClean => Conflicts.Count == 0;
}
