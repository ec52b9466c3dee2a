using System.Security.Cryptography;
using Manuals.Core.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using static Manuals.Core.Tests.Images.TestImages;

namespace Manuals.Core.Tests.Images;

/// <summary>
/// The upload pipeline (<see cref="ImageProcessor"/>) on real files made by ImageSharp and on hand-made hostile ones:
/// what is stored is always the encoder's output, upright, without metadata, and anything else is refused.
/// </summary>
public sealed class ImageProcessorTests : IDisposable
{
    private readonly ImageProcessor _processor = new();

    public void Dispose() => _processor.Dispose();

    public static TheoryData<string, ImageFormat> Formats => new()
    {
        { "png", ImageFormat.Png },
        { "jpeg", ImageFormat.Jpeg },
        { "gif", ImageFormat.Gif },
        { "webp-lossless", ImageFormat.WebP },
        { "webp-lossy", ImageFormat.WebP },
        { "webp-animated", ImageFormat.WebP },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Process_EachFormat_KeepsFormatAndSizeAndAddressesTheStoredBytes(string file, ImageFormat format)
    {
        var image = await AcceptAsync(Pictures.File(file));

        Assert.Equal(format, image.Format);
        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image.Data)), image.Sha256);
        using var stored = Pictures.Decode(image.Data);
        Assert.Equal((64, 48), (stored.Width, stored.Height));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp-lossless")]
    public async Task Process_LosslessFormats_KeepEveryPixel(string file)
    {
        var image = await AcceptAsync(Pictures.File(file));

        using var expected = Pictures.Screenshot();
        using var stored = Pictures.Decode(image.Data);
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                Assert.Equal(expected[x, y], stored[x, y]);
            }
        }
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("gif")]
    [InlineData("webp-lossless")]
    public async Task Process_FileWithMetadata_StoresNoExifGpsXmpIptcOrText(string file)
    {
        var upload = Pictures.FileWithMetadata(file);
        Assert.True(
            Contains(upload, "ManualsTestCamera"u8.ToArray()) || Contains(upload, "ManualsTestComment"u8.ToArray()) || Contains(upload, GpsIfdPointerTag),
            "the upload carries no metadata to remove");

        var image = await AcceptAsync(upload);

        foreach (var leak in new[] { "ManualsTestCamera", "ManualsTestCaption", "ManualsTestComment", Pictures.XmpMarker, "xmpmeta" })
        {
            Assert.False(Contains(image.Data, Utf8(leak)), $"{file} still holds {leak}");
        }

        Assert.False(Contains(image.Data, GpsIfdPointerTag));
        using var stored = Image.Load(image.Data);
        Assert.Null(stored.Metadata.ExifProfile);
        Assert.Null(stored.Metadata.XmpProfile);
        Assert.Null(stored.Metadata.IptcProfile);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("gif")]
    public async Task Process_SamePictureWithAndWithoutMetadata_StoresTheSameBytesOnce(string file)
    {
        var with = await AcceptAsync(Pictures.FileWithMetadata(file));
        var without = await AcceptAsync(Pictures.File(file));

        Assert.Equal(without.Sha256, with.Sha256);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("gif")]
    [InlineData("webp-lossless")]
    public async Task Process_StoredBytesUploadedAgain_AreStoredUnchanged(string file)
    {
        var first = await AcceptAsync(Pictures.File(file));

        var again = await AcceptAsync(first.Data);

        Assert.Equal(first.Data, again.Data);
    }

    [Fact]
    public async Task Process_JpegTakenSideways_IsStoredUprightWithoutTheOrientationTag()
    {
        // 30 × 10 with a red left edge; orientation 6 means "rotate 90° clockwise to view".
        using var sideways = new Image<Rgba32>(30, 10, new Rgba32(255, 255, 255));
        for (var y = 0; y < 10; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                sideways[x, y] = new Rgba32(255, 0, 0);
            }
        }

        sideways.Metadata.ExifProfile = new ExifProfile();
        sideways.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);

        var image = await AcceptAsync(Pictures.Encode(sideways, Pictures.EncoderFor("jpeg")));

        Assert.Equal((10, 30), (image.Width, image.Height));
        using var stored = Pictures.Decode(image.Data);
        Assert.Null(stored.Metadata.ExifProfile);
        Assert.True(stored[5, 1].R > 200 && stored[5, 1].G < 60, $"top is {stored[5, 1]}: the red edge should be at the top");
        Assert.True(stored[5, 28].G > 200, $"bottom is {stored[5, 28]}");
    }

    [Fact]
    public async Task Process_AnimatedGif_KeepsEveryFrameAndItsTiming()
    {
        var image = await AcceptAsync(Pictures.AnimatedGif(frames: 5));

        Assert.Equal(ImageFormat.Gif, image.Format);
        Assert.Empty(image.Variants);
        using var stored = Image.Load(image.Data);
        Assert.Equal(5, stored.Frames.Count);
        Assert.All(stored.Frames.Cast<ImageFrame>(), frame => Assert.Equal(10, frame.Metadata.GetGifMetadata().FrameDelay));
    }

    [Fact]
    public async Task Process_AnimatedWebP_KeepsEveryFramePixelForPixelWithItsTimingAndLoops()
    {
        var image = await AcceptAsync(Pictures.AnimatedWebp());

        Assert.Equal(ImageFormat.WebP, image.Format);
        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.Empty(image.Variants);
        Assert.True(Contains(image.Data, Ascii("VP8L")), "a lossless animation was stored lossy");
        var (frames, loops) = Pictures.WebpFrames(image.Data);
        var expected = Pictures.AnimationFrames().ToList();
        Assert.Equal(3, loops);
        Assert.Equal(expected.Select(f => f.Delay), frames.Select(f => f.Delay));
        foreach (var ((stored, _), (original, _)) in frames.Zip(expected))
        {
            using (stored)
            using (original)
            {
                for (var y = 0; y < original.Height; y++)
                {
                    for (var x = 0; x < original.Width; x++)
                    {
                        Assert.Equal(original[x, y], stored[x, y]);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Process_LossyAnimatedWebP_StaysLossyWithEveryFrame()
    {
        var image = await AcceptAsync(Pictures.AnimatedWebp(lossless: false));

        Assert.True(Contains(image.Data, Ascii("VP8 ")) && !Contains(image.Data, Ascii("VP8L")), "a lossy animation changed its kind");
        var (frames, _) = Pictures.WebpFrames(image.Data);
        Assert.Equal([10, 20, 30], frames.Select(f => f.Delay));
        // The block's colour tells the frames apart after lossy coding: red, green, blue.
        Assert.True(frames[0].Image[5, 5].R > 150 && frames[1].Image[5, 5].G > 120 && frames[2].Image[5, 5].B > 150);
        frames.ForEach(f => f.Image.Dispose());
    }

    [Fact]
    public async Task Process_AnimatedWebPWithExifAndXmp_StoresNeither()
    {
        // The animation's own chunks after its VP8X header, in a container that also carries EXIF (with GPS) and XMP.
        var plain = Pictures.AnimatedWebp();
        var upload = WebPFile(
            WebPExtendedHeader(0x08 | 0x04 | 0x02, 64, 48),
            plain[30..],
            RiffChunk("EXIF", ExifTiffWithGps()),
            RiffChunk("XMP ", Utf8(XmpPacket())));
        Assert.True(Contains(upload, GpsIfdPointerTag));

        var image = await AcceptAsync(upload);

        Assert.False(Contains(image.Data, GpsIfdPointerTag));
        Assert.False(Contains(image.Data, Ascii("EXIF")) || Contains(image.Data, Ascii("XMP ")) || Contains(image.Data, Utf8("xmpmeta")));
        Assert.Equal(3, Pictures.WebpFrames(image.Data).Frames.Count);
    }

    [Fact]
    public async Task Process_AnimatedWebPWhoseFramesTakeMoreThanHalfTheBudget_IsRefusedBeforeDecoding()
    {
        // 20 frames of a 1000 × 1000 canvas are 80 MB of pixels, held twice while ImageMagick composes them.
        var frame = RiffChunk("ANMF", Concat(new byte[16], WebPLossless(1000, 1000)));
        var upload = WebPFile([WebPExtendedHeader(0x02, 1000, 1000), RiffChunk("ANIM", new byte[6]), .. Enumerable.Repeat(frame, 20)]);

        var result = await _processor.ProcessAsync(upload, CancellationToken.None);

        Assert.Equal(ImageRefusal.TooManyPixels, result.Refusal);
    }

    [Fact]
    public async Task Process_AnimatedWebPWithoutFrames_IsRefusedAsCorrupt()
    {
        var upload = WebPFile(WebPExtendedHeader(0x02, 64, 48), RiffChunk("ANIM", new byte[6]));

        Assert.Equal(ImageRefusal.Corrupt, (await _processor.ProcessAsync(upload, CancellationToken.None)).Refusal);
    }

    [Fact]
    public async Task Process_WideScreenshot_GetsSmallerWidthsInItsFormat()
    {
        var image = await AcceptAsync(Pictures.File("png", 1920, 1080));

        Assert.Equal([(480, 270), (960, 540)], image.Variants.Select(v => (v.Width, v.Height)));
        foreach (var variant in image.Variants)
        {
            using var decoded = Image.Load(variant.Data, out var format);
            Assert.Equal("PNG", format.Name);
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
            Assert.Null(decoded.Metadata.ExifProfile);
        }
    }

    [Fact]
    public async Task Process_PictureNarrowerThanEveryWidth_HasNoSmallerWidths() =>
        Assert.Empty((await AcceptAsync(Pictures.File("jpeg", 400, 300))).Variants);

    [Fact]
    public async Task Process_PngFollowedByAScript_IsStoredWithoutIt()
    {
        byte[] polyglot = [.. Pictures.File("png"), .. "<html><script>alert(document.cookie)</script></html>"u8];

        var image = await AcceptAsync(polyglot);

        Assert.False(Contains(image.Data, Ascii("<script")));
        Assert.Equal(await AcceptAsync(Pictures.File("png")), image, ProcessedImageComparer.Instance);
    }

    [Fact]
    public async Task Process_GifThatIsAlsoJavaScript_IsStoredWithoutTheScript()
    {
        // "GIF89a/*" starts a JavaScript comment (the width is 0x2A2F = 10799 px); comment extensions close it and carry
        // the script, and the trailer 0x3B is a semicolon. A valid GIF, and a script if served as one.
        var polyglot = Concat(Ascii("GIF89a/*"), [1, 0, 0, 0, 0],
            GifExtension(0xFE, Ascii("*/=1;alert(document.cookie);/*")), GifImage(), GifExtension(0xFE, Ascii("*/")), [0x3B]);

        var result = await _processor.ProcessAsync(polyglot, CancellationToken.None);

        Assert.True(result.IsAccepted, $"refused: {result.Refusal}");
        Assert.False(Contains(result.Image.Data, Ascii("alert(")));
    }

    [Fact]
    public async Task Process_GifHeaderFollowedByJavaScript_IsRefused()
    {
        var result = await _processor.ProcessAsync(Utf8("GIF89a=1;alert(document.domain);//"), CancellationToken.None);

        Assert.False(result.IsAccepted);
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "SVG with script", Utf8("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>""") },
        { "SVG without XML declaration", Utf8("""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>""") },
        { "HTML", Utf8("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>") },
        { "HTML with BOM", Concat([0xEF, 0xBB, 0xBF], Utf8("<html><img src=x onerror=alert(1)></html>")) },
        { "text", Utf8("給与計算の手順です。") },
        { "BMP", Concat(Ascii("BM"), new byte[60]) },
        { "TIFF", Concat(TiffLittleEndianHeader, new byte[60]) },
        { "PDF", Utf8("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF") },
        { "ZIP", Concat([0x50, 0x4B, 0x03, 0x04], new byte[40]) },
        { "ICO", Concat([0, 0, 1, 0, 1, 0], new byte[40]) },
        { "AVI in RIFF", Concat(Ascii("RIFF"), [40, 0, 0, 0], Ascii("AVI LIST"), new byte[36]) },
        { "PNG signature with a wrong byte", Concat([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00], Png()[8..]) },
        { "GIF with unknown version", Concat(Ascii("GIF88a"), Gif()[6..]) },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public async Task Process_NotAnImage_IsRefusedAsUnsupported(string name, byte[] data)
    {
        var result = await _processor.ProcessAsync(data, CancellationToken.None);

        Assert.True(result.Refusal == ImageRefusal.UnsupportedFormat, $"{name}: {(result.IsAccepted ? "accepted" : result.Refusal)}");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Process_TruncatedAtAnyPoint_IsRefusedAndNeverThrows(string file, ImageFormat format)
    {
        var data = Pictures.File(file);
        for (var length = 1; length < data.Length; length++)
        {
            var result = await _processor.ProcessAsync(data[..length], CancellationToken.None);

            Assert.False(result.IsAccepted, $"{file} ({format}) cut to {length} of {data.Length} bytes was accepted");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Process_CutShort_SaysSo(string file, ImageFormat format)
    {
        var data = Pictures.File(file);

        var result = await _processor.ProcessAsync(data[..(data.Length * 2 / 3)], CancellationToken.None);

        Assert.True(result.Refusal == ImageRefusal.Truncated, $"{format}: {result.Refusal}");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Process_RandomlyDamaged_NeverThrowsAndWhatIsStoredDecodes(string file, ImageFormat format)
    {
        var original = Pictures.File(file);
        var random = new Random(20261207);
        for (var i = 0; i < 60; i++)
        {
            var damaged = original.ToArray();
            for (var j = 0; j < 3; j++)
            {
                damaged[random.Next(damaged.Length)] ^= (byte)random.Next(1, 256);
            }

            var result = await _processor.ProcessAsync(damaged, CancellationToken.None);

            if (result.IsAccepted)
            {
                Assert.Equal(format.ContentType(), Image.DetectFormat(result.Image.Data).DefaultMimeType);
                using var stored = Pictures.Decode(result.Image.Data);
                Assert.Equal((result.Image.Width, result.Image.Height), (stored.Width, stored.Height));
            }
        }
    }

    public static TheoryData<string, byte[]> Bombs => new()
    {
        { "PNG 100000 × 100000", Concat(PngSignature, PngHeader(100_000, 100_000), PngChunk("IEND", [])) },
        { "PNG 2147483647 × 2147483647", Concat(PngSignature, PngHeader(int.MaxValue, int.MaxValue), PngPixelData(), PngChunk("IEND", [])) },
        { "PNG 40000001 × 1", Concat(PngSignature, PngHeader(40_000_001, 1), PngPixelData(), PngChunk("IEND", [])) },
        { "JPEG 65535 × 65535", Concat([0xFF, 0xD8], JpegJfif(), JpegTables(), JpegFrame(65535, 65535), JpegScan()) },
        { "GIF 65535 × 65535", Concat(Ascii("GIF89a"), [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0], GifImage(), [0x3B]) },
        { "WebP canvas 100000 × 100000", WebPFile(WebPExtendedHeader(0, 100_000, 100_000)) },
        { "WebP lossless 16384 × 16384", WebPFile(WebPLossless(16384, 16384)) },
        { "animated WebP canvas 100000 × 100000", WebPFile(WebPExtendedHeader(0x02, 100_000, 100_000), RiffChunk("ANMF", Concat(new byte[16], WebPLossless()))) },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task Process_HeaderClaimingTooManyPixels_IsRefusedBeforeDecoding(string name, byte[] data)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = await _processor.ProcessAsync(data, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(
            result.Refusal is ImageRefusal.TooManyPixels or ImageRefusal.InvalidDimensions or ImageRefusal.Corrupt,
            $"{name}: {(result.IsAccepted ? "accepted" : result.Refusal)}");
        Assert.True(allocated < 4 * 1024 * 1024, $"{name}: {allocated} bytes allocated before refusing");
    }

    [Fact]
    public async Task Process_AnimationWhoseFramesTakeMoreThanTheBudget_IsRefusedAsTooManyPixels()
    {
        // Nine frames of 2000 × 2000 need 144 MiB decoded: each frame is under the pixel limit, together over the budget.
        var result = await _processor.ProcessAsync(Pictures.AnimatedGif(frames: 9, width: 2000, height: 2000), CancellationToken.None);

        Assert.Equal(ImageRefusal.TooManyPixels, result.Refusal);
    }

    [Fact]
    public async Task Process_TakingLongerThanItsTime_IsRefusedAsTooSlow()
    {
        using var processor = new ImageProcessor(TimeSpan.FromMilliseconds(1));

        var result = await processor.ProcessAsync(Pictures.File("png", 1920, 1080), CancellationToken.None);

        Assert.Equal(ImageRefusal.TooSlow, result.Refusal);
    }

    [Fact]
    public async Task Process_EmptyOrOverTenMegabytes_IsRefusedWithoutLooking()
    {
        Assert.Equal(ImageRefusal.Empty, (await _processor.ProcessAsync([], CancellationToken.None)).Refusal);
        Assert.Equal(ImageRefusal.TooLarge, (await _processor.ProcessAsync(new byte[ImageLimits.MaxBytes + 1], CancellationToken.None)).Refusal);
    }

    [Theory]
    [InlineData(RedactionStyle.Pixelate)]
    [InlineData(RedactionStyle.Blur)]
    [InlineData(RedactionStyle.Fill)]
    public async Task Redact_TheAreaLosesItsStripesAndTheRestIsUntouched(RedactionStyle style)
    {
        var stored = await AcceptAsync(Pictures.File("png", 200, 120));
        var area = new RedactionArea(40, 30, 100, 50);

        var result = await _processor.RedactAsync(
            new StoredImage(stored.Sha256, stored.ContentType, stored.Width, stored.Height, stored.Data), [area], style, CancellationToken.None);

        Assert.True(result.IsAccepted, $"refused: {result.Refusal}");
        Assert.NotEqual(stored.Sha256, result.Image.Sha256);
        using var before = Pictures.Decode(stored.Data);
        using var after = Pictures.Decode(result.Image.Data);
        var stripes = 0;
        for (var y = area.Y; y < area.Y + area.Height; y++)
        {
            for (var x = area.X; x < area.X + area.Width - 1; x++)
            {
                // The one-pixel stripes: neighbours that differ strongly in the original still differing means readable detail.
                if (Math.Abs(before[x, y].B - before[x + 1, y].B) > 60 && Math.Abs(after[x, y].B - after[x + 1, y].B) > 60)
                {
                    stripes++;
                }
            }
        }

        Assert.True(stripes < area.Height * 3, $"{stripes} stripe edges left inside the area");
        for (var y = 0; y < before.Height; y++)
        {
            for (var x = 0; x < before.Width; x++)
            {
                var inside = x >= area.X && x < area.X + area.Width && y >= area.Y && y < area.Y + area.Height;
                if (!inside)
                {
                    Assert.Equal(before[x, y], after[x, y]);
                }
            }
        }
    }

    [Fact]
    public async Task Redact_Fill_LeavesTheAreaBlack()
    {
        var stored = await AcceptAsync(Pictures.File("png", 100, 80));

        var result = await _processor.RedactAsync(
            new StoredImage(stored.Sha256, stored.ContentType, stored.Width, stored.Height, stored.Data),
            [new RedactionArea(10, 10, 40, 30)],
            RedactionStyle.Fill,
            CancellationToken.None);

        using var after = Pictures.Decode(result.Image!.Data);
        for (var y = 10; y < 40; y++)
        {
            for (var x = 10; x < 50; x++)
            {
                Assert.Equal(new Rgba32(0, 0, 0), after[x, y]);
            }
        }
    }

    [Fact]
    public async Task Redact_AnimatedWebP_BlacksTheAreaInEveryFrameAndKeepsTheAnimation()
    {
        var stored = await AcceptAsync(Pictures.AnimatedWebp());

        var result = await _processor.RedactAsync(
            new StoredImage(stored.Sha256, stored.ContentType, stored.Width, stored.Height, stored.Data),
            [new RedactionArea(30, 0, 20, 20)],
            RedactionStyle.Fill,
            CancellationToken.None);

        Assert.True(result.IsAccepted, $"refused: {result.Refusal}");
        var (frames, loops) = Pictures.WebpFrames(result.Image.Data);
        Assert.Equal((3, 3), (frames.Count, loops));
        Assert.Equal([10, 20, 30], frames.Select(f => f.Delay));
        foreach (var (frame, _) in frames)
        {
            using (frame)
            {
                Assert.Equal(new Rgba32(0, 0, 0), frame[30, 0]);
                Assert.Equal(new Rgba32(0, 0, 0), frame[49, 19]);
                Assert.NotEqual(new Rgba32(0, 0, 0), frame[50, 30]);
            }
        }
    }

    [Fact]
    public async Task Redact_OnlyAreasOutsideThePicture_IsRefusedAsNothingToHide()
    {
        var stored = await AcceptAsync(Pictures.File("png", 100, 80));

        var result = await _processor.RedactAsync(
            new StoredImage(stored.Sha256, stored.ContentType, stored.Width, stored.Height, stored.Data),
            [new RedactionArea(500, 500, 10, 10), new RedactionArea(int.MaxValue, 0, int.MaxValue, 10)],
            RedactionStyle.Blur,
            CancellationToken.None);

        Assert.Equal(ImageRefusal.NothingToRedact, result.Refusal);
    }

    [Fact]
    public async Task Redact_AreasOutsideThePicture_AreClippedAndEmptyOnesIgnored()
    {
        var stored = await AcceptAsync(Pictures.File("png", 100, 80));

        var result = await _processor.RedactAsync(
            new StoredImage(stored.Sha256, stored.ContentType, stored.Width, stored.Height, stored.Data),
            [new RedactionArea(-50, -50, 80, 80), new RedactionArea(500, 500, 10, 10)],
            RedactionStyle.Pixelate,
            CancellationToken.None);

        Assert.True(result.IsAccepted);
        Assert.Equal((100, 80), (result.Image.Width, result.Image.Height));
    }

    private async Task<ProcessedImage> AcceptAsync(byte[] data)
    {
        var result = await _processor.ProcessAsync(data, CancellationToken.None);
        Assert.True(result.IsAccepted, $"refused: {result.Refusal}");
        return result.Image;
    }

    private sealed class ProcessedImageComparer : IEqualityComparer<ProcessedImage>
    {
        public static readonly ProcessedImageComparer Instance = new();

        public bool Equals(ProcessedImage? x, ProcessedImage? y) => x?.Sha256 == y?.Sha256;

        public int GetHashCode(ProcessedImage obj) => obj.Sha256.GetHashCode(StringComparison.Ordinal);
    }
}
