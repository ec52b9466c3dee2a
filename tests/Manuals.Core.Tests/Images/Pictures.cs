using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

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

    public static Image<Rgba32> Decode(byte[] data) => Image.Load<Rgba32>(data);
}
