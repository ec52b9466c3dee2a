namespace Manuals.Core.Images;

/// <summary>
/// A stored picture's size in pixels and the smaller widths stored beside it (<see cref="ImageLimits.VariantWidths"/>
/// narrower than the picture; none for pictures stored before widths were made). The page writes the size into the
/// <c>img</c> (so it takes its place before it loads and keeps its size whichever width the screen downloads) and
/// offers the widths with <c>srcset</c>.
/// </summary>
public sealed record PictureSize(int Width, int Height, IReadOnlyList<int> Widths);
