using System.Security.Cryptography;

namespace Manuals.Core.Images;

/// <summary>
/// Decides whether an uploaded file is an image the site may store and serve, and strips its metadata. It trusts only
/// the bytes: the file name, extension and declared content type are never consulted.
/// </summary>
/// <remarks>
/// <para>
/// The checks run cheapest first and nothing proportional to the image is allocated before the header has passed:
/// (1) the byte count against <see cref="ImageLimits.MaxBytes"/>; (2) the format from its signature (PNG, JPEG, GIF or
/// WebP; anything else, including SVG, HTML, BMP, TIFF, PDF and text, is refused); (3) the width and height from the
/// header, which must be non-zero and at most <see cref="ImageLimits.MaxPixels"/> together, so a 60-byte file claiming
/// 100,000 × 100,000 pixels is refused after reading a few bytes, without allocating; (4) the whole container structure
/// (PNG chunks with their CRCs up to IEND; JPEG segments and scans up to EOI; GIF blocks up to the trailer; WebP RIFF
/// size and chunks), which refuses truncated and corrupt files; (5) nothing may follow the image's end, which refuses
/// polyglots such as a PNG followed by HTML or a JPEG followed by a ZIP archive.
/// </para>
/// <para>
/// Metadata is stripped by leaving out whole chunks, segments or blocks; pixel data is never decoded or re-encoded, so
/// it stays byte-identical and no decoder bugs are reachable from an upload. Removed: PNG tEXt, zTXt, iTXt, eXIf, tIME
/// and any other ancillary chunk not on the colour/animation allow-list; JPEG APP1 (EXIF with GPS, XMP), APP13 (IPTC,
/// Photoshop), APP12, other APPn segments and COM (APP0 JFIF, APP2 ICC_PROFILE and APP14 Adobe are kept); GIF comment,
/// plain-text and application extensions other than NETSCAPE2.0 and ANIMEXTS1.0; WebP EXIF, XMP and unknown chunks
/// (with the VP8X flags and RIFF size corrected).
/// </para>
/// <para>
/// Consequences for callers: EXIF goes entirely, including its Orientation tag, so a phone photo that relied on it is
/// shown as stored (the editor's script is expected to draw every picture through a canvas, which applies the
/// orientation to the pixels); and files with data after their end — such as phone JPEGs carrying a second image or
/// a motion clip after EOI — are refused rather than cut, so the writer sees why.
/// </para>
/// <para>The inspector is stateless and thread-safe, and never throws on malformed input.</para>
/// </remarks>
public static class ImageInspector
{
    /// <summary>Inspects a file and, when it is acceptable, returns its stripped bytes and their SHA-256.</summary>
    /// <param name="data">The whole uploaded file.</param>
    /// <returns>The accepted image, or the reason the file was refused.</returns>
    public static ImageInspectionResult Inspect(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return ImageInspectionResult.Refused(ImageRefusal.Empty);
        }

        if (data.Length > ImageLimits.MaxBytes)
        {
            return ImageInspectionResult.Refused(ImageRefusal.TooLarge);
        }

        if (Detect(data) is not { } format)
        {
            return ImageInspectionResult.Refused(ImageRefusal.UnsupportedFormat);
        }

        var refusal = ReadHeader(format, data, out var width, out var height);
        if (refusal is not null)
        {
            return ImageInspectionResult.Refused(refusal.Value);
        }

        if (width <= 0 || height <= 0)
        {
            return ImageInspectionResult.Refused(ImageRefusal.InvalidDimensions);
        }

        if ((long)width * height > ImageLimits.MaxPixels)
        {
            return ImageInspectionResult.Refused(ImageRefusal.TooManyPixels);
        }

        refusal = Strip(format, data, out var stripped);
        if (refusal is not null || stripped is null)
        {
            return ImageInspectionResult.Refused(refusal ?? ImageRefusal.Corrupt);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(stripped));
        return ImageInspectionResult.Accepted(new InspectedImage(format, width, height, stripped, sha256));
    }

    /// <summary>Recognises a format by its signature alone; <see langword="null"/> for anything else.</summary>
    /// <param name="data">The first bytes of a file (twelve are enough).</param>
    public static ImageFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (PngStructure.HasSignature(data))
        {
            return ImageFormat.Png;
        }

        if (JpegStructure.HasSignature(data))
        {
            return ImageFormat.Jpeg;
        }

        if (GifStructure.HasSignature(data))
        {
            return ImageFormat.Gif;
        }

        return WebPStructure.HasSignature(data) ? ImageFormat.WebP : null;
    }

    private static ImageRefusal? ReadHeader(ImageFormat format, ReadOnlySpan<byte> data, out int width, out int height) => format switch
    {
        ImageFormat.Png => PngStructure.ReadHeader(data, out width, out height),
        ImageFormat.Jpeg => JpegStructure.ReadHeader(data, out width, out height),
        ImageFormat.Gif => GifStructure.ReadHeader(data, out width, out height),
        _ => WebPStructure.ReadHeader(data, out width, out height),
    };

    private static ImageRefusal? Strip(ImageFormat format, ReadOnlySpan<byte> data, out byte[]? stripped) => format switch
    {
        ImageFormat.Png => PngStructure.Strip(data, out stripped),
        ImageFormat.Jpeg => JpegStructure.Strip(data, out stripped),
        ImageFormat.Gif => GifStructure.Strip(data, out stripped),
        _ => WebPStructure.Strip(data, out stripped),
    };
}
