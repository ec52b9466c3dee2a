using System.Buffers.Binary;

namespace Manuals.Core.Images;

/// <summary>
/// Reads JPEG files segment by segment: SOI, the table and frame segments, every scan with its entropy-coded data, and
/// EOI as the very last bytes. Stripping keeps what decoding needs (frame, tables, scans, restart interval) and the
/// colour segments APP0 JFIF, APP2 ICC_PROFILE and APP14 Adobe; it drops every other APPn segment — APP1 (EXIF with
/// GPS, XMP), APP12, APP13 (IPTC, Photoshop), APP2 MPF — and comments (COM).
/// </summary>
internal static class JpegStructure
{
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte Dqt = 0xDB;
    private const byte Dnl = 0xDC;
    private const byte Dri = 0xDD;
    private const byte Dht = 0xC4;
    private const byte App0 = 0xE0;
    private const byte App2 = 0xE2;
    private const byte App14 = 0xEE;
    private const byte App15 = 0xEF;
    private const byte Com = 0xFE;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= 3 && data[0] == 0xFF && data[1] == Soi && data[2] == 0xFF;

    /// <summary>
    /// Walks the segments before the first scan until the frame header (SOF), which holds the dimensions. Only lengths
    /// are followed; nothing is allocated.
    /// </summary>
    public static ImageRefusal? ReadHeader(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        var position = 2;
        while (true)
        {
            if (!TryReadMarker(data, ref position, out var marker))
            {
                return ImageRefusal.Corrupt;
            }

            if (!HasLength(marker))
            {
                return ImageRefusal.Corrupt; // SOI, EOI or RSTn before the frame header
            }

            if (!TryReadSegment(data, position, out var payload))
            {
                return ImageRefusal.Corrupt;
            }

            if (IsFrameHeader(marker))
            {
                if (!IsSupportedFrame(marker))
                {
                    return ImageRefusal.UnsupportedFormat;
                }

                if (!IsValidFrame(payload))
                {
                    return ImageRefusal.Corrupt;
                }

                height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
                return null;
            }

            if (marker == Sos)
            {
                return ImageRefusal.Corrupt; // a scan before the frame header
            }

            position += 2 + payload.Length;
        }
    }

    /// <summary>
    /// Walks every segment and every scan to EOI, which must end the file, and copies what is kept. Entropy-coded data
    /// is copied as it is, so the compressed pixels are byte-identical.
    /// </summary>
    public static ImageRefusal? Strip(ReadOnlySpan<byte> data, out byte[]? stripped)
    {
        stripped = null;
        var output = new ImageBuffer(data.Length);
        output.Write([0xFF, Soi]);
        var position = 2;
        bool seenFrame = false, seenScan = false;
        while (true)
        {
            if (!TryReadMarker(data, ref position, out var marker))
            {
                return ImageRefusal.Corrupt;
            }

            if (marker == Eoi)
            {
                if (!seenScan)
                {
                    return ImageRefusal.Corrupt;
                }

                output.Write([0xFF, Eoi]);
                break;
            }

            if (!HasLength(marker) || !TryReadSegment(data, position, out var payload))
            {
                return ImageRefusal.Corrupt;
            }

            var segment = data.Slice(position, 2 + payload.Length);
            position += segment.Length;
            bool keep;
            if (IsFrameHeader(marker))
            {
                if (!IsSupportedFrame(marker))
                {
                    return ImageRefusal.UnsupportedFormat;
                }

                if (seenFrame || !IsValidFrame(payload))
                {
                    return ImageRefusal.Corrupt;
                }

                seenFrame = true;
                keep = true;
            }
            else if (marker == Sos)
            {
                if (!seenFrame || payload.Length < 1 || payload[0] is 0 or > 4 || payload.Length != 4 + (2 * payload[0]))
                {
                    return ImageRefusal.Corrupt;
                }

                output.Write([0xFF, marker]);
                output.Write(segment);
                var end = FindScanEnd(data, position);
                if (end < 0)
                {
                    return ImageRefusal.Corrupt;
                }

                output.Write(data[position..end]);
                position = end;
                seenScan = true;
                continue;
            }
            else if (marker is Dqt or Dht or Dri)
            {
                keep = true;
            }
            else if (marker == Dnl)
            {
                if (!seenScan)
                {
                    return ImageRefusal.Corrupt; // DNL may only follow a scan
                }

                keep = true;
            }
            else if (marker is >= App0 and <= App15)
            {
                keep = marker switch
                {
                    App0 => payload.StartsWith("JFIF\0"u8),
                    App2 => payload.StartsWith("ICC_PROFILE\0"u8),
                    App14 => payload.StartsWith("Adobe"u8),
                    _ => false,
                };
            }
            else if (marker == Com)
            {
                keep = false;
            }
            else
            {
                // DAC (arithmetic coding, whose frames are refused), hierarchical, JPEG-LS and reserved markers.
                return ImageRefusal.Corrupt;
            }

            if (keep)
            {
                output.Write([0xFF, marker]);
                output.Write(segment);
            }
        }

        if (position != data.Length)
        {
            return ImageRefusal.TrailingData;
        }

        stripped = output.ToArray();
        return null;
    }

    /// <summary>
    /// Reads a marker at <paramref name="position"/>: 0xFF, any number of 0xFF fill bytes, then the marker code.
    /// Afterwards <paramref name="position"/> points just past the code.
    /// </summary>
    private static bool TryReadMarker(ReadOnlySpan<byte> data, ref int position, out byte marker)
    {
        marker = 0;
        if (position >= data.Length || data[position] != 0xFF)
        {
            return false;
        }

        while (position < data.Length && data[position] == 0xFF)
        {
            position++;
        }

        if (position >= data.Length || data[position] == 0x00)
        {
            return false;
        }

        marker = data[position++];
        return true;
    }

    /// <summary>Reads a segment's two-byte length (which counts itself) and returns the bytes after it.</summary>
    private static bool TryReadSegment(ReadOnlySpan<byte> data, int position, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (data.Length - position < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
        if (length < 2 || length > data.Length - position)
        {
            return false;
        }

        payload = data.Slice(position + 2, length - 2);
        return true;
    }

    /// <summary>
    /// Finds where a scan's entropy-coded data ends: at the first marker that is neither a stuffed zero (FF 00) nor a
    /// restart marker (RST0–RST7). Returns the offset of that marker's first 0xFF, or -1 if the data runs out.
    /// </summary>
    private static int FindScanEnd(ReadOnlySpan<byte> data, int position)
    {
        while (true)
        {
            var index = data[position..].IndexOf((byte)0xFF);
            if (index < 0)
            {
                return -1;
            }

            var markerStart = position + index;
            var next = markerStart + 1;
            while (next < data.Length && data[next] == 0xFF)
            {
                next++;
            }

            if (next >= data.Length)
            {
                return -1;
            }

            if (data[next] == 0x00 || data[next] is >= 0xD0 and <= 0xD7)
            {
                position = next + 1;
                continue;
            }

            return markerStart;
        }
    }

    /// <summary>Every marker but SOI, EOI, TEM and RST0–RST7 is followed by a length.</summary>
    private static bool HasLength(byte marker) => marker is not (Soi or Eoi or 0x01) and not (>= 0xD0 and <= 0xD7);

    /// <summary>SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not (Dht or 0xC8 or 0xCC);

    /// <summary>Baseline, extended sequential and progressive Huffman JPEG: what every browser displays.</summary>
    private static bool IsSupportedFrame(byte marker) => marker is 0xC0 or 0xC1 or 0xC2;

    /// <summary>Precision 8 or 12 bits, 1–4 components, and a length that matches the component count.</summary>
    private static bool IsValidFrame(ReadOnlySpan<byte> payload) =>
        payload.Length >= 6 && payload[0] is 8 or 12 && payload[5] is >= 1 and <= 4 && payload.Length == 6 + (3 * payload[5]);
}
