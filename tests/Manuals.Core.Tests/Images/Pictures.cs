using System.Buffers.Binary;
using Manuals.Core.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using MagickFormat = ImageMagick.MagickFormat;
using MagickImage = ImageMagick.MagickImage;
using MagickImageCollection = ImageMagick.MagickImageCollection;
using MagickReadSettings = ImageMagick.MagickReadSettings;
using PixelMapping = ImageMagick.PixelMapping;
using PixelReadSettings = ImageMagick.PixelReadSettings;
using Rgba32 = SixLabors.ImageSharp.PixelFormats.Rgba32;
using StorageType = ImageMagick.StorageType;

namespace Manuals.Core.Tests.Images;

/// <summary>Real image files made with ImageSharp for the upload tests: screenshots, with and without metadata.</summary>
internal static class Pictures
{
    public const string SecretComment = "ManualsTestComment 氏名: 山田太郎 口座番号 1234567";

    public const string XmpMarker = "manuals-test-xmp-marker";

    /// <summary>A screenshot-like picture: a light background, dark one-pixel stripes and a coloured block.</summary>
    public static Image<Rgba32> Screenshot(int width = 64, int height = 48)
    {
        var image = new Image<Rgba32>(width, height, new Rgba32(238, 244, 251));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x += 2)
            {
                image[x, y] = new Rgba32(29, 78, 137);
            }
        }

        for (var y = 0; y < height / 3; y++)
        {
            for (var x = 0; x < width / 3; x++)
            {
                image[x, y] = new Rgba32(200, 30, 30);
            }
        }

        return image;
    }

    public static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    public static IImageEncoder EncoderFor(string format) => format switch
    {
        "png" => new PngEncoder(),
        "jpeg" => new JpegEncoder { Quality = 95 },
        "gif" => new GifEncoder(),
        "webp-lossless" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
        "webp-lossy" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossy },
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static byte[] File(string format, int width = 64, int height = 48)
    {
        if (format == "webp-animated")
        {
            return AnimatedWebp(width, height, lossless: true);
        }

        using var image = Screenshot(width, height);
        return Encode(image, EncoderFor(format));
    }

    /// <summary>
    /// The same picture as <see cref="File"/> with EXIF (GPS, camera), XMP, IPTC and the format's text metadata. WebP's
    /// chunks are put together here: ImageSharp 2.1 writes a wrong RIFF size when it writes XMP itself.
    /// </summary>
    public static byte[] FileWithMetadata(string format)
    {
        if (format.StartsWith("webp", StringComparison.Ordinal))
        {
            // The picture's own VP8L bitstream in an extended container with EXIF (GPS) and XMP chunks.
            var plain = File(format);
            var size = BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(16, 4));
            return TestImages.WebPFile(
                TestImages.WebPExtendedHeader(0x08 | 0x04, 64, 48),
                TestImages.RiffChunk(System.Text.Encoding.ASCII.GetString(plain, 12, 4), plain[20..(20 + size)]),
                TestImages.RiffChunk("EXIF", TestImages.ExifTiffWithGps()),
                TestImages.RiffChunk("XMP ", TestImages.Utf8(TestImages.XmpPacket())));
        }

        using var image = Screenshot();
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(35, 1), new Rational(41, 1), new Rational(22, 1)]);
        exif.SetValue(ExifTag.Make, "ManualsTestCamera");
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(System.Text.Encoding.UTF8.GetBytes(
            $"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description>{XmpMarker}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.Caption, "ManualsTestCaption");
        image.Metadata.IptcProfile = iptc;
        image.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Comment", SecretComment, string.Empty, string.Empty));
        image.Metadata.GetGifMetadata().Comments.Add(SecretComment);
        return Encode(image, EncoderFor(format));
    }

    /// <summary>An animated GIF of <paramref name="frames"/> frames, each a different colour, 10/100 s apart.</summary>
    public static byte[] AnimatedGif(int frames, int width = 40, int height = 30)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(255, 255, 255));
        image.Frames.RootFrame.Metadata.GetGifMetadata().FrameDelay = 10;
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(width, height, new Rgba32((byte)(i * 20 % 256), 0, 0));
            frame.Frames.RootFrame.Metadata.GetGifMetadata().FrameDelay = 10;
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }

        return Encode(image, new GifEncoder());
    }

    /// <summary>
    /// An animated WebP made by ImageMagick: three frames — <see cref="Screenshot"/>, then the same with its block
    /// green, then blue — shown for 10, 20 and 30 hundredths of a second, played three times.
    /// </summary>
    public static byte[] AnimatedWebp(int width = 64, int height = 48, bool lossless = true)
    {
        // The product's policy first: ImageMagick reads its policy once, when it is first used.
        Assert.True(ImageMagickSetup.IsAvailable, "ImageMagick did not load");
        using var frames = new MagickImageCollection();
        foreach (var frame in AnimationFrames(width, height))
        {
            using var rgba = frame.Image;
            var pixels = new byte[width * height * 4];
            rgba.CopyPixelDataTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Rgba32>(pixels.AsSpan()));
            var still = new MagickImage(pixels, new PixelReadSettings((uint)width, (uint)height, StorageType.Char, PixelMapping.RGBA))
            {
                AnimationDelay = (uint)frame.Delay,
                AnimationTicksPerSecond = 100,
            };
            if (lossless)
            {
                still.Settings.SetDefine(MagickFormat.WebP, "lossless", true);
            }

            frames.Add(still);
        }

        frames[0].AnimationIterations = 3;
        return frames.ToByteArray(MagickFormat.WebP);
    }

    /// <summary>The frames <see cref="AnimatedWebp"/> is made of, with their delays.</summary>
    public static IEnumerable<(Image<Rgba32> Image, int Delay)> AnimationFrames(int width = 64, int height = 48)
    {
        var blocks = new[] { new Rgba32(200, 30, 30), new Rgba32(30, 160, 60), new Rgba32(30, 60, 200) };
        for (var i = 0; i < blocks.Length; i++)
        {
            var image = Screenshot(width, height);
            for (var y = 0; y < height / 3; y++)
            {
                for (var x = 0; x < width / 3; x++)
                {
                    image[x, y] = blocks[i];
                }
            }

            yield return (image, (i + 1) * 10);
        }
    }

    /// <summary>Every frame of a stored animated WebP as ImageMagick reads it, with its delay and the loop count.</summary>
    public static (List<(Image<Rgba32> Image, int Delay)> Frames, int Loops) WebpFrames(byte[] data)
    {
        Assert.True(ImageMagickSetup.IsAvailable, "ImageMagick did not load");
        using var frames = new MagickImageCollection(data, new MagickReadSettings { Format = MagickFormat.WebP });
        frames.Coalesce();
        var list = frames
            .Select(f => (Image.LoadPixelData<Rgba32>(f.GetPixelsUnsafe().ToByteArray(PixelMapping.RGBA), (int)f.Width, (int)f.Height), (int)f.AnimationDelay))
            .ToList();
        return (list, (int)frames[0].AnimationIterations);
    }

    /// <summary>The stored picture's pixels (an animated WebP's first frame, read by ImageMagick as ImageSharp 2.x cannot).</summary>
    public static Image<Rgba32> Decode(byte[] data)
    {
        if (data.Length > 20 && data.AsSpan(12, 4).SequenceEqual("VP8X"u8) && (data[20] & 0x02) != 0)
        {
            var (frames, _) = WebpFrames(data);
            foreach (var rest in frames.Skip(1))
            {
                rest.Image.Dispose();
            }

            return frames[0].Image;
        }

        return Image.Load<Rgba32>(data);
    }
}
