using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace Manuals.Core.Images;

/// <summary>How a hidden area looks: big blocks (モザイク) or a strong blur (ぼかし).</summary>
public enum RedactionStyle
{
    Pixelate,
    Blur,
}

/// <summary>An area of a picture to hide, in the picture's pixels (x, y from the top-left corner).</summary>
public readonly record struct RedactionArea(int X, int Y, int Width, int Height);

/// <summary>Hides areas of a picture by changing their pixels (see <see cref="ImageProcessor.RedactAsync"/>).</summary>
public static class Redaction
{
    /// <summary>The most areas one request may hide.</summary>
    public const int MaxAreas = 50;

    /// <summary>
    /// Pixelates or blurs each area, clipped to the picture. Pixel blocks are at least 12 px and grow with the area, and
    /// the blur is wide, so that text inside cannot be read back; the style's own strength is not left to the writer.
    /// </summary>
    public static void Apply(Image image, IReadOnlyList<RedactionArea> areas, RedactionStyle style)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(areas);
        var bounds = new Rectangle(0, 0, image.Width, image.Height);
        foreach (var area in areas)
        {
            var rectangle = Rectangle.Intersect(bounds, new Rectangle(area.X, area.Y, area.Width, area.Height));
            if (rectangle.Width <= 0 || rectangle.Height <= 0)
            {
                continue;
            }

            var size = Math.Max(12, Math.Min(rectangle.Width, rectangle.Height) / 4);
            image.Mutate(x =>
            {
                if (style == RedactionStyle.Blur)
                {
                    // Blurring twice with a wide kernel leaves no edge of a character to read, then blocks make sure.
                    x.GaussianBlur(size, rectangle).GaussianBlur(size, rectangle).Pixelate(Math.Max(4, size / 3), rectangle);
                }
                else
                {
                    x.Pixelate(size, rectangle);
                }
            });
        }
    }
}
