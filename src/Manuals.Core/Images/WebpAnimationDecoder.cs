using System.Runtime.InteropServices;
using ImageMagick;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Webp;
using Rgba32 = SixLabors.ImageSharp.PixelFormats.Rgba32;

namespace Manuals.Core.Images;

/// <summary>
/// Reads an animated WebP with ImageMagick into an ImageSharp image of full-canvas frames, so that orientation,
/// stripping, redaction and encoding work on it as on an animated GIF. Each frame's time is kept as ImageSharp's GIF
/// frame delay (hundredths of a second; ImageSharp 2.x has no WebP frame metadata) and the loop count as the GIF
/// repeat count; <see cref="WebpAnimationEncoder"/> writes them back. The pixels are allocated through the
/// configuration's allocator, so the caller's memory budget holds.
/// </summary>
internal sealed class WebpAnimationDecoder : IImageDecoder
{
    public Image<TPixel> Decode<TPixel>(Configuration configuration, Stream stream, CancellationToken cancellationToken)
        where TPixel : unmanaged, SixLabors.ImageSharp.PixelFormats.IPixel<TPixel>
    {
        var image = Decode(configuration, stream, cancellationToken);
        if (image is Image<TPixel> same)
        {
            return same;
        }

        using (image)
        {
            return image.CloneAs<TPixel>(configuration);
        }
    }

    public Image Decode(Configuration configuration, Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var data = buffer.ToArray();
        var header = WebpAnimation.Read(data) ?? throw new InvalidImageContentException("Not an animated WebP.");
        if (!ImageMagickSetup.IsAvailable)
        {
            throw new NotSupportedException("ImageMagick is not available on this platform.");
        }

        using var frames = new MagickImageCollection(data, new MagickReadSettings { Format = MagickFormat.WebP });
        cancellationToken.ThrowIfCancellationRequested();
        // Frames may cover part of the canvas and be blended onto the one before; composing gives every frame whole.
        frames.Coalesce();
        Image<Rgba32>? image = null;
        try
        {
            foreach (var frame in frames)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (frame.Width != header.Width || frame.Height != header.Height)
                {
                    throw new InvalidImageContentException("A frame does not match the canvas.");
                }

                var pixels = MemoryMarshal.Cast<byte, Rgba32>(frame.GetPixelsUnsafe().ToByteArray(PixelMapping.RGBA));
                ImageFrame<Rgba32> added;
                if (image is null)
                {
                    image = Image.LoadPixelData(configuration, pixels, header.Width, header.Height);
                    added = image.Frames.RootFrame;
                }
                else
                {
                    added = image.Frames.AddFrame(pixels);
                }

                added.Metadata.GetGifMetadata().FrameDelay = (int)(frame.AnimationDelay * 100 / Math.Max(1, frame.AnimationTicksPerSecond));
            }

            image!.Metadata.GetGifMetadata().RepeatCount = (ushort)Math.Min(ushort.MaxValue, frames[0].AnimationIterations);
            image.Metadata.GetWebpMetadata().FileFormat = header.Lossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy;
            return image;
        }
        catch
        {
            image?.Dispose();
            throw;
        }
    }
}
