using System.Buffers.Binary;

namespace Manuals.Core.Images;

/// <summary>
/// Reads WebP files as RIFF: the RIFF size must match the file exactly, and every chunk's size (plus its padding byte)
/// must fit. Simple files are one VP8 (lossy) or VP8L (lossless) chunk; extended files start with VP8X. Stripping keeps
/// VP8X, ICCP, ANIM, ANMF, ALPH, VP8 and VP8L; it drops EXIF, XMP and unknown chunks, clears the EXIF and XMP flags in
/// VP8X and rewrites the RIFF size.
/// </summary>
internal static class WebPStructure
{
    private const int RiffHeaderLength = 12; // "RIFF", size, "WEBP"
    private const int ChunkHeaderLength = 8; // FourCC, size
    private const int Vp8xLength = 10;
    private const byte Vp8xExifFlag = 0x08;
    private const byte Vp8xXmpFlag = 0x04;
    private const byte Vp8xAnimationFlag = 0x02;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= RiffHeaderLength && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8);

    /// <summary>Reads the canvas size from VP8X, or the frame size from a simple file's VP8 or VP8L chunk.</summary>
    public static ImageRefusal? ReadHeader(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (!TryReadChunk(data, RiffHeaderLength, out var fourCc, out var payload))
        {
            return ImageRefusal.Corrupt;
        }

        if (fourCc.SequenceEqual("VP8X"u8))
        {
            if (payload.Length != Vp8xLength)
            {
                return ImageRefusal.Corrupt;
            }

            width = ReadUInt24(payload[4..]) + 1;
            height = ReadUInt24(payload[7..]) + 1;
            return null;
        }

        return ReadBitstreamSize(fourCc, payload, out width, out height) ? null : ImageRefusal.Corrupt;
    }

    /// <summary>Checks the RIFF size against the file, walks every chunk and copies the chunks worth keeping.</summary>
    public static ImageRefusal? Strip(ReadOnlySpan<byte> data, out byte[]? stripped)
    {
        stripped = null;
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize > (uint)(data.Length - 8) || riffSize < 4)
        {
            return ImageRefusal.Corrupt; // truncated
        }

        if (riffSize != data.Length - 8)
        {
            return ImageRefusal.TrailingData;
        }

        var output = new ImageBuffer(data.Length);
        output.Write(data[..RiffHeaderLength]);
        var position = RiffHeaderLength;
        // ReadHeader has already read the first chunk successfully.
        var extended = data.Slice(RiffHeaderLength, 4).SequenceEqual("VP8X"u8);
        var flags = extended ? data[RiffHeaderLength + ChunkHeaderLength] : (byte)0;
        int images = 0, frames = 0;
        var seenAnimation = false;
        while (position < data.Length)
        {
            if (!TryReadChunk(data, position, out var fourCc, out var payload))
            {
                return ImageRefusal.Corrupt;
            }

            var chunkLength = ChunkHeaderLength + payload.Length + (payload.Length & 1);
            var chunk = data.Slice(position, chunkLength);
            var first = position == RiffHeaderLength;
            position += chunkLength;
            bool keep;
            if (fourCc.SequenceEqual("VP8 "u8) || fourCc.SequenceEqual("VP8L"u8))
            {
                if (!ReadBitstreamSize(fourCc, payload, out var w, out var h))
                {
                    return ImageRefusal.Corrupt;
                }

                if ((long)w * h > ImageLimits.MaxPixels)
                {
                    return ImageRefusal.TooManyPixels;
                }

                images++;
                keep = first || extended;
            }
            else if (!extended)
            {
                keep = false; // a simple file is its one bitstream chunk; anything after it is ignored by decoders
            }
            else if (fourCc.SequenceEqual("VP8X"u8))
            {
                if (!first)
                {
                    return ImageRefusal.Corrupt;
                }

                keep = true;
            }
            else if (fourCc.SequenceEqual("ANMF"u8))
            {
                var refusal = CheckFrame(payload);
                if (refusal is not null)
                {
                    return refusal;
                }

                frames++;
                keep = true;
            }
            else if (fourCc.SequenceEqual("ANIM"u8))
            {
                seenAnimation = true;
                keep = true;
            }
            else
            {
                keep = fourCc.SequenceEqual("ICCP"u8) || fourCc.SequenceEqual("ALPH"u8);
            }

            if (keep)
            {
                output.Write(chunk);
            }
        }

        var animated = (flags & Vp8xAnimationFlag) != 0;
        if (animated ? !seenAnimation || frames == 0 : images != 1)
        {
            return ImageRefusal.Corrupt;
        }

        var written = output.Written;
        BinaryPrimitives.WriteUInt32LittleEndian(written[4..], (uint)(written.Length - 8));
        if (extended)
        {
            written[RiffHeaderLength + ChunkHeaderLength] = (byte)(flags & ~(Vp8xExifFlag | Vp8xXmpFlag));
        }

        stripped = output.ToArray();
        return null;
    }

    /// <summary>
    /// Checks an animation frame: its size against the pixel limit, and that its sub-chunks (ALPH, VP8, VP8L …) exactly
    /// fill it.
    /// </summary>
    private static ImageRefusal? CheckFrame(ReadOnlySpan<byte> payload)
    {
        const int frameHeaderLength = 16;
        if (payload.Length < frameHeaderLength)
        {
            return ImageRefusal.Corrupt;
        }

        long w = ReadUInt24(payload[6..]) + 1;
        long h = ReadUInt24(payload[9..]) + 1;
        if (w * h > ImageLimits.MaxPixels)
        {
            return ImageRefusal.TooManyPixels;
        }

        var frameData = payload[frameHeaderLength..];
        var position = 0;
        while (position < frameData.Length)
        {
            if (!TryReadChunk(frameData, position, out _, out var inner))
            {
                return ImageRefusal.Corrupt;
            }

            position += ChunkHeaderLength + inner.Length + (inner.Length & 1);
        }

        return null;
    }

    /// <summary>Reads a chunk header at <paramref name="position"/>; the chunk and its padding byte must fit.</summary>
    private static bool TryReadChunk(ReadOnlySpan<byte> data, int position, out ReadOnlySpan<byte> fourCc, out ReadOnlySpan<byte> payload)
    {
        fourCc = default;
        payload = default;
        if (data.Length - position < ChunkHeaderLength)
        {
            return false;
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
        var available = (uint)(data.Length - position - ChunkHeaderLength);
        if (size > available || size + (size & 1) > available)
        {
            return false;
        }

        fourCc = data.Slice(position, 4);
        payload = data.Slice(position + ChunkHeaderLength, (int)size);
        return true;
    }

    /// <summary>
    /// Reads the frame size from a VP8 key frame header (frame tag, start code 9D 01 2A, 14-bit width and height) or a
    /// VP8L header (signature 0x2F, then 14-bit width − 1 and height − 1, an alpha bit and a zero version).
    /// </summary>
    private static bool ReadBitstreamSize(ReadOnlySpan<byte> fourCc, ReadOnlySpan<byte> payload, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (fourCc.SequenceEqual("VP8 "u8))
        {
            const int headerLength = 10;
            if (payload.Length < headerLength)
            {
                return false;
            }

            var tag = payload[0] | (payload[1] << 8) | (payload[2] << 16);
            var isKeyFrame = (tag & 1) == 0;
            var firstPartitionSize = tag >> 5;
            if (!isKeyFrame || firstPartitionSize > payload.Length - headerLength
                || payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
            {
                return false;
            }

            width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
            return true;
        }

        if (fourCc.SequenceEqual("VP8L"u8))
        {
            if (payload.Length < 5 || payload[0] != 0x2F)
            {
                return false;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            if (bits >> 29 != 0)
            {
                return false; // version must be 0
            }

            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
            return true;
        }

        return false;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
