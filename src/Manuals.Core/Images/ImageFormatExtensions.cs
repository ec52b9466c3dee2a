namespace Manuals.Core.Images;

/// <summary>What the server says about a format on the wire.</summary>
public static class ImageFormatExtensions
{
    /// <summary>The media type an image of this format is served with, e.g. <c>image/png</c>.</summary>
    /// <param name="format">The format.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static string ContentType(this ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Gif => "image/gif",
        ImageFormat.WebP => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
