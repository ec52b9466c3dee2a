using System.Runtime.InteropServices;
using ImageMagick;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using Rgba32 = SixLabors.ImageSharp.PixelFormats.Rgba32;

namespace Manuals.Core.Images;

/// <summary>
/// Writes an ImageSharp image of whole frames as an animated WebP with ImageMagick (libwebp's animation encoder,
/// which stores only what changes between frames): each frame's GIF frame delay becomes its time, the GIF repeat
/// count the loop count. Nothing but pixels and timing is passed on, so no metadata can reach the output.
/// </summary>
/// <param name="lossless">Lossless (VP8L) frames, as screenshots usually are; otherwise lossy at quality 90.</param>
internal sealed class WebpAnimationEncoder(bool lossless) : IImageEncoder
{
    public void Encode<TPixel>(Image<TPixel> image, Stream stream)
        where TPixel : unmanaged, SixLabors.ImageSharp.PixelFormats.IPixel<TPixel>
    {
        if (!ImageMagickSetup.IsAvailable)
        {
            throw new NotSupportedException("ImageMagick is not available on this platform.");
        }

        using var rgba = image.CloneAs<Rgba32>();
        using var frames = new MagickImageCollection();
        var settings = new PixelReadSettings((uint)rgba.Width, (uint)rgba.Height, StorageType.Char, PixelMapping.RGBA);
        var pixels = new Rgba32[rgba.Width * rgba.Height];
        for (var i = 0; i < rgba.Frames.Count; i++)
        {
            var frame = rgba.Frames[i];
            frame.CopyPixelDataTo(pixels);
            var still = new MagickImage(MemoryMarshal.AsBytes(pixels.AsSpan()), settings)
            {
                AnimationDelay = (uint)Math.Max(0, frame.Metadata.GetGifMetadata().FrameDelay),
                AnimationTicksPerSecond = 100,
                GifDisposeMethod = GifDisposeMethod.Background,
            };
            if (lossless)
            {
                still.Settings.SetDefine(MagickFormat.WebP, "lossless", true);
            }
            else
            {
                still.Quality = 90;
            }

            frames.Add(still);
        }

        frames[0].AnimationIterations = rgba.Metadata.GetGifMetadata().RepeatCount;
        frames.Write(stream, MagickFormat.WebP);
    }

    public Task EncodeAsync<TPixel>(Image<TPixel> image, Stream stream, CancellationToken cancellationToken)
        where TPixel : unmanaged, SixLabors.ImageSharp.PixelFormats.IPixel<TPixel>
    {
        cancellationToken.ThrowIfCancellationRequested();
        Encode(image, stream);
        return Task.CompletedTask;
    }
}
