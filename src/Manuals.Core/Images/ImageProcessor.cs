using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Manuals.Core.Images;

/// <summary>
/// Turns an uploaded file into the bytes that are stored, with SixLabors.ImageSharp: the format is detected from the
/// bytes (PNG, JPEG, GIF, WebP only) and the size read from the header before anything is decoded; then the picture is
/// decoded under a memory budget and a timeout (at most <see cref="ImageLimits.MaxConcurrentDecodes"/> at once), turned
/// upright by its EXIF orientation, stripped of every metadata block (EXIF with GPS, XMP, IPTC, ICC, PNG text, GIF
/// comments) and encoded again in its own format (an animated WebP through ImageMagick, see <see cref="WebpAnimation"/>), with smaller widths for <c>srcset</c>. What is stored is always the
/// encoder's output, so nothing of the upload but its pixels survives: not a polyglot's script, not trailing data.
/// </summary>
public sealed class ImageProcessor : IDisposable
{
    // Only the four formats: anything else (BMP, TIFF, TGA …) is not even detected, let alone decoded.
    private static readonly Configuration Formats = new(
        new PngConfigurationModule(), new JpegConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule());

    // PNG's end: an empty IEND chunk and its CRC.
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    private readonly SemaphoreSlim _decodes = new(ImageLimits.MaxConcurrentDecodes);
    private readonly TimeSpan _timeout;

    public ImageProcessor()
        : this(ImageLimits.ProcessingTimeout)
    {
    }

    /// <param name="timeout">How long one file may take (tests make it short).</param>
    public ImageProcessor(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    /// <summary>Checks, decodes, cleans and encodes an upload; see the class summary.</summary>
    /// <param name="data">The whole uploaded file.</param>
    /// <param name="cancellationToken">Cancels the operation (the request was aborted).</param>
    public async Task<ImageProcessingResult> ProcessAsync(byte[] data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            return ImageProcessingResult.Refused(ImageRefusal.Empty);
        }

        if (data.Length > ImageLimits.MaxBytes)
        {
            return ImageProcessingResult.Refused(ImageRefusal.TooLarge);
        }

        var format = Detect(data);
        if (format is null)
        {
            return ImageProcessingResult.Refused(ImageRefusal.UnsupportedFormat);
        }

        if (!EndsWhole(format.Value, data))
        {
            return ImageProcessingResult.Refused(ImageRefusal.Truncated);
        }

        var header = format == ImageFormat.WebP && WebpAnimation.IsAnimated(data) ? IdentifyAnimation(data) : Identify(data);
        if (header.Refusal is { } refusal)
        {
            return ImageProcessingResult.Refused(refusal);
        }

        return await TransformAsync(data, format.Value, (image, _) => image.Mutate(x => x.AutoOrient()), cancellationToken);
    }

    /// <summary>
    /// Hides <paramref name="areas"/> of a stored picture for good: pixelated (モザイク) or blurred (ぼかし) by the
    /// server, then encoded as a new picture with its own hash. The caller stores only the result.
    /// </summary>
    /// <param name="image">The stored picture (already the encoder's output of an upload).</param>
    /// <param name="areas">The areas in the picture's pixels; clipped to the picture, empty ones ignored.</param>
    /// <param name="style">Pixelate or blur.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<ImageProcessingResult> RedactAsync(
        StoredImage image, IReadOnlyList<RedactionArea> areas, RedactionStyle style, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(areas);
        var format = Detect(image.Data);
        if (format is null)
        {
            return Task.FromResult(ImageProcessingResult.Refused(ImageRefusal.UnsupportedFormat));
        }

        return TransformAsync(image.Data, format.Value, (picture, checkpoint) =>
        {
            if (Redaction.Apply(picture, areas, style, checkpoint) == 0)
            {
                throw new NothingToRedactException();
            }
        }, cancellationToken);
    }

    public void Dispose() => _decodes.Dispose();

    /// <summary>No area of a redaction met the picture: nothing would be hidden.</summary>
    private sealed class NothingToRedactException : Exception
    {
    }

    private static ImageFormat? Detect(byte[] data) => Image.DetectFormat(Formats, data) switch
    {
        PngFormat => ImageFormat.Png,
        JpegFormat => ImageFormat.Jpeg,
        GifFormat => ImageFormat.Gif,
        WebpFormat => ImageFormat.WebP,
        _ => null,
    };

    /// <summary>
    /// Whether the file reaches its format's end. ImageSharp decodes many files that stop early without complaint (the
    /// missing rows come out grey), which would store a broken picture; each format's end is one marker to look for.
    /// Bytes after the end are allowed (some cameras write them): the encoder leaves them behind.
    /// </summary>
    private static bool EndsWhole(ImageFormat format, ReadOnlySpan<byte> data) => format switch
    {
        ImageFormat.Png => data.LastIndexOf(PngEnd) >= 0,
        // The last scan (SOS, FF DA) is followed by the end of image (EOI, FF D9); an EXIF thumbnail's own EOI comes earlier.
        ImageFormat.Jpeg => data.LastIndexOf([(byte)0xFF, (byte)0xD9]) > data.LastIndexOf([(byte)0xFF, (byte)0xDA]),
        // The trailer (3B) follows the last block's terminator (00); GIF data may hold 3B anywhere, so only the end tells.
        ImageFormat.Gif => data.Length >= 2 && data[^2] == 0x00 && data[^1] == 0x3B,
        ImageFormat.WebP => data.Length >= 12 && 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(data[4..8]) <= data.Length,
        _ => false,
    };

    /// <summary>The header's size, checked before decoding: zero sides and pixel bombs are refused here.</summary>
    private static (int Width, int Height, ImageRefusal? Refusal) Identify(byte[] data)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(Formats, data, out _);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // ImageSharp reports a broken header with its own exceptions and, for some files, with runtime ones
            // (IndexOutOfRange, NullReference): every one of them means the file cannot be read.
            return (0, 0, ImageRefusal.Corrupt);
        }

        if (info is null)
        {
            return (0, 0, ImageRefusal.Corrupt);
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            return (0, 0, ImageRefusal.InvalidDimensions);
        }

        return (long)info.Width * info.Height > ImageLimits.MaxPixels
            ? (0, 0, ImageRefusal.TooManyPixels)
            : (info.Width, info.Height, null);
    }

    /// <summary>
    /// An animated WebP's canvas and frames, read from its chunks since ImageSharp 2.x cannot identify it. ImageMagick
    /// holds the frames twice while composing them, so an animation may take half the decode budget in frames.
    /// </summary>
    private static (int Width, int Height, ImageRefusal? Refusal) IdentifyAnimation(byte[] data)
    {
        if (WebpAnimation.Read(data) is not { } animation)
        {
            return (0, 0, ImageRefusal.Corrupt);
        }

        if ((long)animation.Width * animation.Height > ImageLimits.MaxPixels
            || (long)animation.Width * animation.Height * 4 * animation.Frames > ImageLimits.MaxDecodedBytes / 2)
        {
            return (0, 0, ImageRefusal.TooManyPixels);
        }

        return ImageMagickSetup.IsAvailable ? (animation.Width, animation.Height, null) : (0, 0, ImageRefusal.AnimatedWebP);
    }

    /// <summary>Decodes under the budget and the timeout, applies <paramref name="change"/>, strips and encodes.</summary>
    private async Task<ImageProcessingResult> TransformAsync(
        byte[] data, ImageFormat format, Action<Image, Action> change, CancellationToken cancellationToken)
    {
        await _decodes.WaitAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            var deadline = Stopwatch.GetTimestamp() + (long)(_timeout.TotalSeconds * Stopwatch.Frequency);
            return await Task.Run(() => Transform(data, format, change, deadline, timeout.Token), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImageProcessingResult.Refused(ImageRefusal.TooSlow);
        }
        catch (DecodeBudgetExceededException)
        {
            return ImageProcessingResult.Refused(ImageRefusal.TooManyPixels);
        }
        catch (NothingToRedactException)
        {
            return ImageProcessingResult.Refused(ImageRefusal.NothingToRedact);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // See Identify: whatever the decoder throws on a broken file, the file is refused.
            return ImageProcessingResult.Refused(ImageRefusal.Corrupt);
        }
        finally
        {
            _decodes.Release();
        }
    }

    private static ImageProcessingResult Transform(
        byte[] data, ImageFormat format, Action<Image, Action> change, long deadline, CancellationToken cancellationToken)
    {
        // The token stops the decoder from inside; between the steps the clock is read too, as a busy machine may run
        // the token's timer late.
        void Check()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new OperationCanceledException();
            }
        }

        var started = Stopwatch.GetTimestamp();
        var configuration = Formats.Clone();
        configuration.MemoryAllocator = new DecodeBudget(ImageLimits.MaxDecodedBytes);
        using var stream = new MemoryStream(data, writable: false);
        var animatedWebp = format == ImageFormat.WebP && WebpAnimation.IsAnimated(data);
        using var image = Decoder(format, animatedWebp).Decode(configuration, stream, cancellationToken);
        var decoded = Stopwatch.GetTimestamp();
        Check();
        var encoder = Encoder(format, animatedWebp, image);
        change(image, Check);
        Strip(image);
        var cleaned = Stopwatch.GetTimestamp();
        Check();
        var bytes = Encode(image, encoder);
        var encoded = Stopwatch.GetTimestamp();
        var variants = new List<ImageVariant>();
        // An animation keeps its one size: scaling every frame costs more than the bytes it would save.
        if (image.Frames.Count == 1)
        {
            foreach (var width in ImageLimits.VariantWidths.Where(w => w < image.Width))
            {
                Check();
                using var smaller = image.Clone(x => x.Resize(width, 0, KnownResamplers.Lanczos3));
                variants.Add(new ImageVariant(smaller.Width, smaller.Height, Encode(smaller, encoder)));
            }
        }

        var timings = new ImageTimings(
            Stopwatch.GetElapsedTime(started, decoded),
            Stopwatch.GetElapsedTime(decoded, cleaned),
            Stopwatch.GetElapsedTime(cleaned, encoded),
            Stopwatch.GetElapsedTime(encoded));
        return ImageProcessingResult.Accepted(
            new ProcessedImage(format, image.Width, image.Height, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), variants),
            timings);
    }

    private static IImageDecoder Decoder(ImageFormat format, bool animatedWebp) => format switch
    {
        ImageFormat.Png => new PngDecoder(),
        ImageFormat.Jpeg => new JpegDecoder(),
        ImageFormat.Gif => new GifDecoder(),
        _ when animatedWebp => new WebpAnimationDecoder(),
        _ => new WebpDecoder(),
    };

    /// <summary>
    /// The encoder that keeps what the upload was: its format, PNG's colour type, WebP lossless or lossy, a WebP
    /// animation's frames.
    /// </summary>
    private static IImageEncoder Encoder(ImageFormat format, bool animatedWebp, Image image)
    {
        switch (format)
        {
            case ImageFormat.Png:
                var png = image.Metadata.GetPngMetadata();
                // A palette is re-quantized by the encoder; screenshots keep every colour as true colour instead.
                var palette = png.ColorType is null or PngColorType.Palette;
                return new PngEncoder
                {
                    ColorType = palette ? PngColorType.RgbWithAlpha : png.ColorType,
                    BitDepth = palette ? PngBitDepth.Bit8 : png.BitDepth,
                    ChunkFilter = PngChunkFilter.ExcludeAll,
                };
            case ImageFormat.Jpeg:
                // Quality 90 without chroma subsampling keeps the text of a screenshot sharp.
                return new JpegEncoder { Quality = 90, ColorType = JpegColorType.YCbCrRatio444 };
            case ImageFormat.Gif:
                return new GifEncoder();
            default:
                var lossless = image.Metadata.GetWebpMetadata().FileFormat != WebpFileFormatType.Lossy;
                if (animatedWebp)
                {
                    return new WebpAnimationEncoder(lossless);
                }

                return new WebpEncoder { FileFormat = lossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy, Quality = 90 };
        }
    }

    /// <summary>Drops every metadata block of the picture and of each frame; only pixels, size and timing remain.</summary>
    private static void Strip(Image image)
    {
        var metadata = image.Metadata;
        metadata.ExifProfile = null;
        metadata.XmpProfile = null;
        metadata.IptcProfile = null;
        metadata.IccProfile = null;
        metadata.GetPngMetadata().TextData.Clear();
        metadata.GetGifMetadata().Comments.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }

    private static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
