using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace Manuals.Core.Images;

/// <summary>How a hidden area looks: big blocks (モザイク), a strong blur (ぼかし) or solid black (黒塗り).</summary>
public enum RedactionStyle
{
    Pixelate,
    Blur,
    Fill,
}

/// <summary>An area of a picture to hide, in the picture's pixels (x, y from the top-left corner).</summary>
public readonly record struct RedactionArea(int X, int Y, int Width, int Height);

/// <summary>Hides areas of a picture by changing their pixels (see <see cref="ImageProcessor.RedactAsync"/>).</summary>
public static class Redaction
{
    /// <summary>The most areas one request may hide.</summary>
    public const int MaxAreas = 50;

    /// <summary>The strongest blur: its cost grows with it, and beyond this the blocks after it hide the rest.</summary>
    private const float MaxBlurSigma = 12;

    /// <summary>
    /// Pixelates, blurs or fills each area, clipped to the picture. Pixel blocks are at least 12 px and grow with the
    /// area, and the blur is followed by blocks, so that text inside cannot be read back; the strength is not left to the
    /// writer. <paramref name="checkpoint"/> runs before each area (the caller's deadline).
    /// </summary>
    /// <returns>How many areas met the picture.</returns>
    public static int Apply(Image image, IReadOnlyList<RedactionArea> areas, RedactionStyle style, Action? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(areas);
        var bounds = new Rectangle(0, 0, image.Width, image.Height);
        var applied = 0;
        foreach (var area in areas)
        {
            checkpoint?.Invoke();
            var rectangle = Rectangle.Intersect(
                bounds, Rectangle.FromLTRB(area.X, area.Y, (int)Math.Clamp((long)area.X + area.Width, int.MinValue, int.MaxValue), (int)Math.Clamp((long)area.Y + area.Height, int.MinValue, int.MaxValue)));
            if (rectangle.Width <= 0 || rectangle.Height <= 0)
            {
                continue;
            }

            applied++;
            var size = Math.Max(12, Math.Min(rectangle.Width, rectangle.Height) / 4);
            image.Mutate(x =>
            {
                switch (style)
                {
                    case RedactionStyle.Blur:
                        // A wide blur leaves no edge of a character to read, then small blocks make sure.
                        x.GaussianBlur(Math.Min(size, MaxBlurSigma), rectangle).Pixelate(Math.Max(6, size / 3), rectangle);
                        break;
                    case RedactionStyle.Fill:
                        // Every colour multiplied by zero: black, nothing of the pixels left.
                        x.Brightness(0, rectangle);
                        break;
                    default:
                        x.Pixelate(size, rectangle);
                        break;
                }
            });
        }

        return applied;
    }
}
