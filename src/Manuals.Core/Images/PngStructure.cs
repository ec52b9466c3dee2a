using System.Buffers.Binary;

namespace Manuals.Core.Images;

/// <summary>
/// Reads PNG (and APNG) files chunk by chunk: signature, IHDR first, every chunk's length and CRC, IEND last and nothing
/// after it. Stripping keeps the critical chunks and an allow-list of ancillary chunks that affect how pixels look;
/// everything else — text (tEXt, zTXt, iTXt), EXIF (eXIf), time (tIME) and unknown private chunks — is dropped.
/// </summary>
internal static class PngStructure
{
    private const int ChunkOverhead = 12; // length, type, CRC
    private const int IhdrLength = 13;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    /// <summary>Reads the dimensions from IHDR, which the format requires to be the first chunk.</summary>
    public static ImageRefusal? ReadHeader(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (data.Length < Signature.Length + ChunkOverhead + IhdrLength)
        {
            return ImageRefusal.Corrupt;
        }

        var chunk = data[Signature.Length..];
        if (BinaryPrimitives.ReadUInt32BigEndian(chunk) != IhdrLength || !chunk[4..8].SequenceEqual("IHDR"u8)
            || !HasValidCrc(chunk, IhdrLength))
        {
            return ImageRefusal.Corrupt;
        }

        var ihdr = chunk.Slice(8, IhdrLength);
        var w = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var h = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        if (w > int.MaxValue || h > int.MaxValue || !IsValidPixelFormat(ihdr[8], ihdr[9])
            || ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
        {
            return ImageRefusal.Corrupt;
        }

        width = (int)w;
        height = (int)h;
        return null;
    }

    /// <summary>Walks every chunk up to IEND, checking lengths and CRCs, and copies the chunks worth keeping.</summary>
    public static ImageRefusal? Strip(ReadOnlySpan<byte> data, out byte[]? stripped)
    {
        stripped = null;
        var output = new ImageBuffer(data.Length);
        output.Write(Signature);
        var position = Signature.Length;
        var colourType = data[Signature.Length + 8 + 9];
        bool seenPalette = false, seenData = false, seenEnd = false;
        var first = true;
        while (position < data.Length)
        {
            var remaining = data[position..];
            if (remaining.Length < ChunkOverhead)
            {
                return ImageRefusal.Corrupt;
            }

            var declared = BinaryPrimitives.ReadUInt32BigEndian(remaining);
            if (declared > (uint)(remaining.Length - ChunkOverhead))
            {
                return ImageRefusal.Corrupt;
            }

            var length = (int)declared;
            var type = remaining[4..8];
            if (!IsChunkType(type) || !HasValidCrc(remaining, length))
            {
                return ImageRefusal.Corrupt;
            }

            var isHeader = type.SequenceEqual("IHDR"u8);
            if (isHeader != first)
            {
                return ImageRefusal.Corrupt; // IHDR must come first, and only once
            }

            first = false;
            var isCritical = (type[0] & 0x20) == 0;
            if (type.SequenceEqual("IEND"u8))
            {
                if (length != 0)
                {
                    return ImageRefusal.Corrupt;
                }

                seenEnd = true;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                seenData = true;
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (seenPalette || seenData)
                {
                    return ImageRefusal.Corrupt;
                }

                seenPalette = true;
            }
            else if (isCritical && !isHeader)
            {
                // A decoder must reject an image with a critical chunk it does not know.
                return ImageRefusal.Corrupt;
            }

            var chunk = remaining[..(ChunkOverhead + length)];
            if (isCritical || IsKeptAncillary(type))
            {
                output.Write(chunk);
            }

            position += chunk.Length;
            if (seenEnd)
            {
                break;
            }
        }

        if (!seenEnd || !seenData || (colourType == 3 && !seenPalette))
        {
            return ImageRefusal.Corrupt;
        }

        if (position != data.Length)
        {
            return ImageRefusal.TrailingData;
        }

        stripped = output.ToArray();
        return null;
    }

    /// <summary>
    /// Ancillary chunks that change how the pixels are shown or animated. Everything else ancillary is safe to drop by
    /// definition (a decoder may ignore it), and dropping by default also removes metadata in private chunks.
    /// </summary>
    private static bool IsKeptAncillary(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("tRNS"u8) || type.SequenceEqual("gAMA"u8) || type.SequenceEqual("cHRM"u8)
        || type.SequenceEqual("sRGB"u8) || type.SequenceEqual("iCCP"u8) || type.SequenceEqual("cICP"u8)
        || type.SequenceEqual("mDCV"u8) || type.SequenceEqual("cLLI"u8) || type.SequenceEqual("sBIT"u8)
        || type.SequenceEqual("bKGD"u8) || type.SequenceEqual("hIST"u8) || type.SequenceEqual("pHYs"u8)
        || type.SequenceEqual("acTL"u8) || type.SequenceEqual("fcTL"u8) || type.SequenceEqual("fdAT"u8);

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The CRC covers the type and the data; <paramref name="chunk"/> starts at the length field.</summary>
    private static bool HasValidCrc(ReadOnlySpan<byte> chunk, int length) =>
        Crc32.Compute(chunk.Slice(4, 4 + length)) == BinaryPrimitives.ReadUInt32BigEndian(chunk[(8 + length)..]);

    private static bool IsValidPixelFormat(byte bitDepth, byte colourType) => colourType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        2 or 4 or 6 => bitDepth is 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        _ => false,
    };
}
