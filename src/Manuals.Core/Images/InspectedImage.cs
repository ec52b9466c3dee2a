namespace Manuals.Core.Images;

/// <summary>An accepted image, with its metadata already stripped.</summary>
/// <param name="Format">The format recognised from the file's structure.</param>
/// <param name="Width">The width in pixels (for animations: the canvas).</param>
/// <param name="Height">The height in pixels (for animations: the canvas).</param>
/// <param name="Data">
/// The bytes to store and serve: the original file without its metadata. Pixel data is never decoded or re-encoded, so
/// it is byte-for-byte the uploaded pixel data.
/// </param>
/// <param name="Sha256">
/// The SHA-256 of <paramref name="Data"/> as 64 lower-case hexadecimal digits. Computed over the stripped bytes, so the
/// same picture uploaded with different metadata (another camera time, another GPS position) is stored once.
/// </param>
public sealed record InspectedImage(ImageFormat Format, int Width, int Height, byte[] Data, string Sha256)
{
    /// <summary>The media type to serve the image with, e.g. <c>image/png</c>.</summary>
    public string ContentType => Format.ContentType();
}
