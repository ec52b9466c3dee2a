namespace Manuals.Core.Images;

/// <summary>The size limits every uploaded image must meet.</summary>
public static class ImageLimits
{
    /// <summary>The largest file accepted: 10 MB (10 × 1024 × 1024 bytes), before metadata is stripped.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The largest image accepted: 40 megapixels (width × height, and for animations every frame). A browser decodes an
    /// image to about 4 bytes a pixel, so this keeps one image under about 160 MB in a reader's browser and stops
    /// decompression bombs: small files whose headers claim enormous pictures.
    /// </summary>
    public const long MaxPixels = 40_000_000;
}
