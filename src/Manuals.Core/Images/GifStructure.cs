using System.Buffers.Binary;

namespace Manuals.Core.Images;

/// <summary>
/// Reads GIF files block by block: header, logical screen, colour tables, every extension and image with its
/// sub-blocks, and the trailer (0x3B) as the very last byte. Stripping keeps images, graphic control extensions (frame
/// timing, transparency) and the looping application extensions NETSCAPE2.0 and ANIMEXTS1.0; it drops comment
/// extensions, plain-text extensions and every other application extension (XMP is stored in one).
/// </summary>
internal static class GifStructure
{
    private const int HeaderLength = 13; // signature, version, logical screen descriptor
    private const byte ExtensionIntroducer = 0x21;
    private const byte ImageSeparator = 0x2C;
    private const byte Trailer = 0x3B;
    private const byte GraphicControlLabel = 0xF9;
    private const byte ApplicationLabel = 0xFF;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8);

    /// <summary>Reads the logical screen's dimensions, which follow the six-byte signature.</summary>
    public static ImageRefusal? ReadHeader(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (data.Length < HeaderLength)
        {
            return ImageRefusal.Corrupt;
        }

        width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
        return null;
    }

    /// <summary>Walks every block to the trailer and copies the blocks worth keeping.</summary>
    public static ImageRefusal? Strip(ReadOnlySpan<byte> data, out byte[]? stripped)
    {
        stripped = null;
        var position = HeaderLength + ColourTableLength(data[10]);
        if (position > data.Length)
        {
            return ImageRefusal.Corrupt;
        }

        var output = new ImageBuffer(data.Length);
        output.Write(data[..position]);
        var seenImage = false;
        while (true)
        {
            if (position >= data.Length)
            {
                return ImageRefusal.Corrupt; // no trailer: truncated
            }

            var start = position;
            switch (data[position])
            {
                case Trailer:
                    if (!seenImage)
                    {
                        return ImageRefusal.Corrupt;
                    }

                    output.Write(Trailer);
                    position++;
                    stripped = position == data.Length ? output.ToArray() : null;
                    return stripped is null ? ImageRefusal.TrailingData : null;

                case ImageSeparator:
                    {
                        var refusal = SkipImage(data, ref position);
                        if (refusal is not null)
                        {
                            return refusal;
                        }

                        output.Write(data[start..position]);
                        seenImage = true;
                        break;
                    }

                case ExtensionIntroducer:
                    {
                        if (data.Length - position < 2)
                        {
                            return ImageRefusal.Corrupt;
                        }

                        var label = data[position + 1];
                        position += 2;
                        var blocks = position;
                        if (!SkipSubBlocks(data, ref position))
                        {
                            return ImageRefusal.Corrupt;
                        }

                        // The walk succeeded, so the first sub-block (possibly the empty terminator) lies inside the data.
                        if (IsKeptExtension(label, data.Slice(blocks + 1, data[blocks])))
                        {
                            output.Write(data[start..position]);
                        }

                        break;
                    }

                default:
                    return ImageRefusal.Corrupt;
            }
        }
    }

    /// <summary>Graphic control, and the application extensions that make animations loop. Nothing else.</summary>
    private static bool IsKeptExtension(byte label, ReadOnlySpan<byte> firstBlock) => label switch
    {
        GraphicControlLabel => true,
        ApplicationLabel => firstBlock.SequenceEqual("NETSCAPE2.0"u8) || firstBlock.SequenceEqual("ANIMEXTS1.0"u8),
        _ => false,
    };

    /// <summary>
    /// Skips an image: descriptor, local colour table, LZW minimum code size and data sub-blocks. The frame's own size
    /// is checked against the pixel limit, since a frame may be larger than the logical screen.
    /// </summary>
    private static ImageRefusal? SkipImage(ReadOnlySpan<byte> data, ref int position)
    {
        const int descriptorLength = 10;
        if (data.Length - position < descriptorLength)
        {
            return ImageRefusal.Corrupt;
        }

        var descriptor = data.Slice(position, descriptorLength);
        long frameWidth = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[5..]);
        long frameHeight = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[7..]);
        if (frameWidth * frameHeight > ImageLimits.MaxPixels)
        {
            return ImageRefusal.TooManyPixels;
        }

        position += descriptorLength + ColourTableLength(descriptor[9]);
        if (position >= data.Length)
        {
            return ImageRefusal.Corrupt;
        }

        // LZW codes are at most 12 bits, so the starting code size is at most 11.
        if (data[position] is 0 or > 11)
        {
            return ImageRefusal.Corrupt;
        }

        position++;
        return SkipSubBlocks(data, ref position) ? null : ImageRefusal.Corrupt;
    }

    /// <summary>Skips sub-blocks (a size byte, then that many bytes) up to and including the zero-size terminator.</summary>
    private static bool SkipSubBlocks(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length)
        {
            var size = data[position++];
            if (size == 0)
            {
                return true;
            }

            if (size > data.Length - position)
            {
                return false;
            }

            position += size;
        }

        return false;
    }

    /// <summary>A colour table's length from a packed field: present when the top bit is set, 3 × 2^(n+1) bytes.</summary>
    private static int ColourTableLength(byte packed) => (packed & 0x80) != 0 ? 3 << ((packed & 0x07) + 1) : 0;
}
