namespace Manuals.Core.Images;

/// <summary>An image as stored: already stripped of metadata, addressed by its SHA-256.</summary>
/// <param name="Sha256">The SHA-256 of <paramref name="Data"/>, 64 lower-case hexadecimal digits.</param>
/// <param name="ContentType">The media type to serve it with, e.g. <c>image/png</c>.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Data">The stored bytes.</param>
public sealed record StoredImage(string Sha256, string ContentType, int Width, int Height, byte[] Data)
{
    /// <summary>The number of stored bytes.</summary>
    public int ByteLength => Data.Length;
}
