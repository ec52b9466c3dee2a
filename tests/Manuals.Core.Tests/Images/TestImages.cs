using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Manuals.Core.Tests.Images;

/// <summary>
/// Builds the test corpus byte by byte: small valid PNG, JPEG, GIF and WebP files, each optionally carrying the
/// metadata a phone or an editing program writes (EXIF with a GPS position, XMP, comments, IPTC), and the pieces the
/// hostile cases are made from. Nothing is read from disk.
/// </summary>
internal static class TestImages
{
    /// <summary>Text planted in every kind of metadata; it must never survive stripping.</summary>
    public const string SecretComment = "secret comment: 山田さんの自宅 35.6581N 139.7414E";

    /// <summary>The camera maker written into the EXIF IFD0; it must never survive stripping.</summary>
    public const string CameraMake = "LEAKY-CAMERA-MAKER";

    /// <summary>The namespace every XMP packet carries.</summary>
    public const string XmpNamespace = "http://ns.adobe.com/xap/1.0/";

    /// <summary>The GPS IFD pointer tag (0x8825) with type LONG, as it appears in a little-endian TIFF directory.</summary>
    public static readonly byte[] GpsIfdPointerTag = [0x25, 0x88, 0x04, 0x00];

    public static readonly byte[] TiffLittleEndianHeader = [(byte)'I', (byte)'I', 0x2A, 0x00];

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>An XMP packet with a GPS position and a description.</summary>
    public static string XmpPacket() =>
        $"""
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description xmlns:xmp="{XmpNamespace}" xmlns:exif="http://ns.adobe.com/exif/1.0/"
          exif:GPSLatitude="35,34.8N" exif:GPSLongitude="139,44.4E" xmp:CreatorTool="{SecretComment}"/>
        </rdf:RDF></x:xmpmeta>
        <?xpacket end="w"?>
        """;

    /// <summary>
    /// A little-endian TIFF structure as EXIF stores it: IFD0 with the camera make and a pointer to a GPS IFD holding
    /// latitude (35° 39' 29") N and longitude E.
    /// </summary>
    public static byte[] ExifTiffWithGps()
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(long v) => tiff.AddRange(BitConverter.GetBytes((uint)v));
        var make = Ascii(CameraMake + "\0");

        // Layout: header (8), IFD0 (2 + 2×12 + 4 = 30) at 8, GPS IFD (2 + 4×12 + 4 = 54) at 38,
        // make at 92, latitude rationals at 92 + make, longitude rationals after them.
        const int ifd0 = 8, gpsIfd = 38, makeOffset = 92;
        var latitudeOffset = makeOffset + make.Length;
        var longitudeOffset = latitudeOffset + 24;
        tiff.AddRange(TiffLittleEndianHeader);
        U32(ifd0);

        U16(2);
        U16(0x010F); U16(2); U32(make.Length); U32(makeOffset); // Make, ASCII
        U16(0x8825); U16(4); U32(1); U32(gpsIfd);               // GPSInfo IFD pointer, LONG
        U32(0);

        U16(4);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef
        U16(0x0002); U16(5); U32(3); U32(latitudeOffset);                  // GPSLatitude, RATIONAL × 3
        U16(0x0003); U16(2); U32(2); tiff.AddRange("E\0\0\0"u8.ToArray()); // GPSLongitudeRef
        U16(0x0004); U16(5); U32(3); U32(longitudeOffset);                 // GPSLongitude, RATIONAL × 3
        U32(0);

        tiff.AddRange(make);
        foreach (var value in new[] { 35, 39, 29, 139, 44, 28 })
        {
            U32(value);
            U32(1);
        }

        return tiff.ToArray();
    }

    /// <summary>The byte sequences none of which may appear in a stripped file.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Leaks() =>
    [
        ("Exif", Ascii("Exif")),
        ("TIFF header", TiffLittleEndianHeader),
        ("GPS IFD pointer tag", GpsIfdPointerTag),
        ("camera make", Ascii(CameraMake)),
        ("XMP namespace", Ascii("http://ns.adobe.com/xap")),
        ("secret comment", Utf8(SecretComment)),
        ("xpacket", Ascii("xpacket")),
    ];

    /// <summary>Whether <paramref name="haystack"/> contains <paramref name="needle"/>.</summary>
    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    // ---------------------------------------------------------------- PNG

    public static byte[] PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG chunk: length, type, data and the CRC of type and data.</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Ascii(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] PngHeader(uint width, uint height, byte bitDepth = 8, byte colourType = 2)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth;
        ihdr[9] = colourType;
        return PngChunk("IHDR", ihdr);
    }

    /// <summary>The IDAT chunk of a 3 × 2 RGB picture: red, green, blue over white, grey, black.</summary>
    public static byte[] PngPixelData()
    {
        byte[] raw =
        [
            0, 255, 0, 0, 0, 255, 0, 0, 0, 255,
            0, 255, 255, 255, 128, 128, 128, 0, 0, 0,
        ];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return PngChunk("IDAT", compressed.ToArray());
    }

    /// <summary>A valid 3 × 2 PNG with gAMA, sRGB and pHYs and no metadata.</summary>
    public static byte[] Png() =>
        Concat(PngSignature, PngHeader(3, 2), PngChunk("gAMA", [0, 0, 0xB1, 0x8F]), PngChunk("sRGB", [0]),
            PngChunk("pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]), PngPixelData(), PngChunk("IEND", []));

    /// <summary>The same picture as <see cref="Png"/> with tEXt, zTXt, iTXt (XMP), eXIf (GPS) and tIME chunks around it.</summary>
    public static byte[] PngWithMetadata()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(Utf8(SecretComment));
        }

        return Concat(
            PngSignature,
            PngHeader(3, 2),
            PngChunk("tEXt", Concat(Ascii("Comment\0"), Utf8(SecretComment))),
            PngChunk("eXIf", ExifTiffWithGps()),
            PngChunk("gAMA", [0, 0, 0xB1, 0x8F]),
            PngChunk("sRGB", [0]),
            PngChunk("iTXt", Concat(Ascii("XML:com.adobe.xmp\0\0\0\0\0"), Utf8(XmpPacket()))),
            PngChunk("pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]),
            PngChunk("zTXt", Concat(Ascii("Author\0\0"), compressed.ToArray())),
            PngPixelData(),
            PngChunk("tIME", [0x07, 0xE9, 3, 31, 9, 0, 0]),
            PngChunk("tEXt", Concat(Ascii("Description\0"), Utf8(SecretComment))),
            PngChunk("IEND", []));
    }

    // ---------------------------------------------------------------- JPEG

    /// <summary>A JPEG marker segment: FF, the marker, a length that counts itself, and the payload.</summary>
    public static byte[] JpegSegment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    public static byte[] JpegFrame(ushort width, ushort height, byte marker = 0xC0)
    {
        var payload = new byte[9];
        payload[0] = 8; // precision
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(1), height);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(3), width);
        payload[5] = 1;    // one component (greyscale)
        payload[6] = 1;    // component id
        payload[7] = 0x11; // 1 × 1 sampling
        payload[8] = 0;    // quantisation table 0
        return JpegSegment(marker, payload);
    }

    public static byte[] JpegTables()
    {
        var quantisation = Concat([0x00], Enumerable.Repeat((byte)1, 64).ToArray());
        // One Huffman code of length 1 per table: DC category 0, AC end-of-block.
        var counts = Concat([1], new byte[15]);
        return Concat(
            JpegSegment(0xDB, quantisation),
            JpegSegment(0xC4, Concat([0x00], counts, [0x00])),
            JpegSegment(0xC4, Concat([0x10], counts, [0x00])));
    }

    /// <summary>
    /// The scan of a 16 × 8 greyscale picture: SOS, then two blocks coded as DC difference 0 and end-of-block (four
    /// zero bits, padded with ones), then EOI. A decoder shows it as flat mid-grey.
    /// </summary>
    public static byte[] JpegScan() =>
        Concat(JpegSegment(0xDA, [1, 1, 0x00, 0, 63, 0]), [0x0F], [0xFF, 0xD9]);

    public static byte[] JpegJfif() => JpegSegment(0xE0, Concat(Ascii("JFIF\0"), [1, 2, 0, 0, 1, 0, 1, 0, 0]));

    public static byte[] JpegIcc() => JpegSegment(0xE2, Concat(Ascii("ICC_PROFILE\0"), [1, 1], Ascii("fake-icc-profile-bytes")));

    public static byte[] JpegAdobe() => JpegSegment(0xEE, Concat(Ascii("Adobe"), [0, 100, 0, 0, 0, 0, 0]));

    /// <summary>A valid 16 × 8 baseline JPEG with JFIF, an ICC profile and the Adobe segment, and no metadata.</summary>
    public static byte[] Jpeg() =>
        Concat([0xFF, 0xD8], JpegJfif(), JpegIcc(), JpegAdobe(), JpegTables(), JpegFrame(16, 8), JpegScan());

    /// <summary>
    /// The same picture as <see cref="Jpeg"/> carrying EXIF with GPS (APP1), XMP (APP1), Photoshop IPTC (APP13), Ducky
    /// (APP12), an MPF index (APP2) and comments (COM), before and between the tables.
    /// </summary>
    public static byte[] JpegWithMetadata() =>
        Concat(
            [0xFF, 0xD8],
            JpegJfif(),
            JpegSegment(0xE1, Concat(Ascii("Exif\0\0"), ExifTiffWithGps())),
            JpegSegment(0xE1, Concat(Ascii(XmpNamespace + "\0"), Utf8(XmpPacket()))),
            JpegIcc(),
            JpegSegment(0xE2, Concat(Ascii("MPF\0"), TiffLittleEndianHeader, Ascii(CameraMake))),
            JpegSegment(0xEC, Concat(Ascii("Ducky"), Utf8(SecretComment))),
            JpegSegment(0xED, Concat(Ascii("Photoshop 3.0\08BIM"), [0x04, 0x04, 0, 0], Utf8(SecretComment))),
            JpegAdobe(),
            JpegSegment(0xFE, Utf8(SecretComment)),
            JpegTables(),
            JpegSegment(0xFE, Utf8(SecretComment)),
            JpegFrame(16, 8),
            JpegScan());

    // ---------------------------------------------------------------- GIF

    /// <summary>GIF89a, a 3 × 2 logical screen with a two-colour global table (black, white).</summary>
    public static byte[] GifHeader(ushort width = 3, ushort height = 2) =>
        Concat(Ascii("GIF89a"), BitConverter.GetBytes(width), BitConverter.GetBytes(height), [0x80, 0, 0], [0, 0, 0, 255, 255, 255]);

    /// <summary>An extension block: introducer, label, the payload cut into sub-blocks, and the terminator.</summary>
    public static byte[] GifExtension(byte label, byte[] payload)
    {
        var block = new List<byte> { 0x21, label };
        block.AddRange(SubBlocks(payload));
        return block.ToArray();
    }

    public static byte[] SubBlocks(byte[] payload)
    {
        var blocks = new List<byte>();
        foreach (var piece in payload.Chunk(255))
        {
            blocks.Add((byte)piece.Length);
            blocks.AddRange(piece);
        }

        blocks.Add(0);
        return blocks.ToArray();
    }

    /// <summary>The NETSCAPE2.0 application extension: loop forever.</summary>
    public static byte[] GifLoop() => Concat([0x21, 0xFF, 11], Ascii("NETSCAPE2.0"), [3, 1, 0, 0, 0]);

    public static byte[] GifGraphicControl() => [0x21, 0xF9, 4, 0, 10, 0, 0, 0];

    /// <summary>A 1 × 1 frame at the top left, coded as LZW clear, colour 0, end.</summary>
    public static byte[] GifImage() => [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00];

    /// <summary>A valid 3 × 2 animated-style GIF (loop extension, graphic control, one frame) with no metadata.</summary>
    public static byte[] Gif() => Concat(GifHeader(), GifLoop(), GifGraphicControl(), GifImage(), [0x3B]);

    /// <summary>
    /// XMP as GIF stores it: an application extension "XMP DataXMP" whose raw packet is followed by the 258-byte "magic
    /// trailer", which makes the packet readable as sub-blocks however a reader steps into it.
    /// </summary>
    public static byte[] GifXmp()
    {
        var trailer = new byte[258];
        trailer[0] = 1;
        for (var i = 0; i < 256; i++)
        {
            trailer[1 + i] = (byte)(255 - i);
        }

        trailer[257] = 0;
        return Concat([0x21, 0xFF, 11], Ascii("XMP DataXMP"), Utf8(XmpPacket()), trailer);
    }

    /// <summary>The same picture as <see cref="Gif"/> with comment extensions and an XMP application extension.</summary>
    public static byte[] GifWithMetadata() =>
        Concat(
            GifHeader(),
            GifExtension(0xFE, Utf8(SecretComment)),
            GifLoop(),
            GifXmp(),
            GifGraphicControl(),
            GifImage(),
            GifExtension(0xFE, Utf8(SecretComment + " " + new string('x', 300))),
            [0x3B]);

    // ---------------------------------------------------------------- WebP

    /// <summary>A RIFF chunk: FourCC, little-endian size, payload and a padding byte when the size is odd.</summary>
    public static byte[] RiffChunk(string fourCc, byte[] payload)
    {
        var chunk = new byte[8 + payload.Length + (payload.Length & 1)];
        Ascii(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(chunk, 8);
        return chunk;
    }

    public static byte[] WebPFile(params byte[][] chunks)
    {
        var body = Concat(chunks);
        var header = new byte[12];
        Ascii("RIFF").CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(4 + body.Length));
        Ascii("WEBP").CopyTo(header, 8);
        return Concat(header, body);
    }

    /// <summary>
    /// A VP8L (lossless) chunk whose header says <paramref name="width"/> × <paramref name="height"/>. The bytes after the
    /// header are a placeholder, not a decodable bitstream: the inspector reads headers and structure, never pixels.
    /// (The PNG, JPEG and GIF files of this corpus do decode; Chromium shows them.)
    /// </summary>
    public static byte[] WebPLossless(int width = 3, int height = 2)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14) | (1u << 28);
        var payload = new byte[13];
        payload[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(1), bits);
        "losslesS"u8.CopyTo(payload.AsSpan(5, 8));
        return RiffChunk("VP8L", payload);
    }

    public static byte[] WebPExtendedHeader(byte flags, int width = 3, int height = 2)
    {
        var payload = new byte[10];
        payload[0] = flags;
        WriteUInt24(payload.AsSpan(4), width - 1);
        WriteUInt24(payload.AsSpan(7), height - 1);
        return RiffChunk("VP8X", payload);
    }

    /// <summary>A simple lossless 3 × 2 WebP.</summary>
    public static byte[] WebP() => WebPFile(WebPLossless());

    /// <summary>An extended 3 × 2 WebP with an ICC profile and no metadata.</summary>
    public static byte[] WebPExtended() =>
        WebPFile(WebPExtendedHeader(0x20 | 0x10), RiffChunk("ICCP", Ascii("fake-icc")), WebPLossless());

    /// <summary>The same picture as <see cref="WebPExtended"/> with EXIF (GPS) and XMP chunks and their VP8X flags.</summary>
    public static byte[] WebPWithMetadata() =>
        WebPFile(
            WebPExtendedHeader(0x20 | 0x10 | 0x08 | 0x04),
            RiffChunk("ICCP", Ascii("fake-icc")),
            WebPLossless(),
            RiffChunk("EXIF", ExifTiffWithGps()),
            RiffChunk("XMP ", Utf8(XmpPacket())));

    public static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    /// <summary>CRC-32 computed bit by bit, independently of the implementation under test.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }
}
