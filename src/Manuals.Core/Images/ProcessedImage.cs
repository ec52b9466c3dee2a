namespace Manuals.Core.Images;

/// <summary>
/// An uploaded picture as it is stored: the encoder's output after decoding, turning upright and dropping every
/// metadata block, never the uploaded bytes; with its smaller widths for <c>srcset</c>.
/// </summary>
/// <param name="Format">The format, the same as the upload's.</param>
/// <param name="Width">Width in pixels, after EXIF orientation was applied.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Data">The encoded bytes.</param>
/// <param name="Sha256">The SHA-256 of <paramref name="Data"/>, 64 lower-case hexadecimal digits: the image's address.</param>
/// <param name="Variants">The same picture at the widths of <see cref="ImageLimits.VariantWidths"/> below its own.</param>
public sealed record ProcessedImage(ImageFormat Format, int Width, int Height, byte[] Data, string Sha256, IReadOnlyList<ImageVariant> Variants)
{
    /// <summary>The media type to serve it with, e.g. <c>image/png</c>.</summary>
    public string ContentType => Format.ContentType();
}

/// <summary>A picture scaled down to one of <see cref="ImageLimits.VariantWidths"/>, in the picture's format.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels, in proportion.</param>
/// <param name="Data">The encoded bytes.</param>
public sealed record ImageVariant(int Width, int Height, byte[] Data);
