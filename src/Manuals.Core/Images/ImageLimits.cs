namespace Manuals.Core.Images;

/// <summary>The limits every uploaded image must meet, and how much decoding may cost the server.</summary>
public static class ImageLimits
{
    /// <summary>The largest file accepted: 10 MB (10 × 1024 × 1024 bytes).</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The largest picture accepted: 16 megapixels (width × height), checked from the header before anything is decoded.
    /// The editor scales screenshots to at most 1920 px a side (3.7 megapixels) before uploading, so this only stops
    /// other clients' oversized files and decompression bombs: small files whose headers claim enormous pictures.
    /// </summary>
    public const long MaxPixels = 16_000_000;

    /// <summary>
    /// The memory one decode may hold at once: 128 MiB, a 16-megapixel picture at 4 bytes a pixel plus the decoder's
    /// working buffers. Animations are held frame by frame, so this is what bounds an animated GIF with many frames.
    /// </summary>
    public const long MaxDecodedBytes = 128L * 1024 * 1024;

    /// <summary>
    /// How many uploads are decoded at once; the others wait. With <see cref="MaxDecodedBytes"/> this keeps decoding
    /// under about 256 MiB on a 2-core server, inside the 400 MB the whole server may use.
    /// </summary>
    public const int MaxConcurrentDecodes = 2;

    /// <summary>How long decoding, cleaning and encoding one upload may take before it is refused.</summary>
    public static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The smaller widths stored beside each picture wider than them, for <c>srcset</c> (phones, tablets).</summary>
    public static readonly IReadOnlyList<int> VariantWidths = [480, 960];
}
