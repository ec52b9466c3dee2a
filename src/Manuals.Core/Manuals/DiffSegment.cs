namespace Manuals.Core.Manuals;

/// <summary>
/// A run of characters within one side of a <see cref="DiffLine"/>.
/// </summary>
/// <param name="Text">The characters in the run.</param>
/// <param name="IsChanged">
/// <see langword="true"/> when the run was removed (on the old side) or inserted (on the new side).
/// </param>
public sealed record DiffSegment(string Text, bool IsChanged);
