namespace Manuals.Core.Search;

/// <summary>One indexed or queried term with where it came from.</summary>
/// <param name="Text">The normalised term (NFKC, lower-case).</param>
/// <param name="Kind">What the term stands for.</param>
/// <param name="Position">Its index in the token stream of one field: the engines see the same order, so phrases are adjacent positions.</param>
/// <param name="Start">Offset (UTF-16) of its first character in the original text.</param>
/// <param name="End">Offset just after its last character in the original text.</param>
/// <param name="FirstEnd">Offset just after its first character; a one-character prefix match highlights only that much.</param>
public sealed record SearchToken(string Text, SearchTokenKind Kind, int Position, int Start, int End, int FirstEnd);
