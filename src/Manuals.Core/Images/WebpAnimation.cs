using System.Buffers.Binary;

namespace Manuals.Core.Images;

/// <summary>
/// What the container of an animated WebP says before anything is decoded: the canvas, how many frames and whether
/// they are lossless. ImageSharp 2.x reads only still WebP (3.x needs a paid licence), so animations are decoded and
/// encoded by ImageMagick (<see cref="WebpAnimationDecoder"/>, <see cref="WebpAnimationEncoder"/>); these figures let
/// a pixel bomb or a thousand-frame file be refused first, as <see cref="ImageProcessor"/> does for the other formats.
/// </summary>
/// <param name="Width">The canvas width every frame is composed on.</param>
/// <param name="Height">The canvas height.</param>
/// <param name="Frames">How many frames (ANMF chunks) the file holds.</param>
/// <param name="Lossless">Whether no frame is lossy (VP8L only), so the animation is encoded lossless again.</param>
internal sealed record WebpAnimation(int Width, int Height, int Frames, bool Lossless)
{
    /// <summary>Whether the extended header (VP8X) sets the animation flag (byte 20, bit 1).</summary>
    public static bool IsAnimated(ReadOnlySpan<byte> data) =>
        data.Length > 20 && data[12..16].SequenceEqual("VP8X"u8) && (data[20] & 0x02) != 0;

    /// <summary>
    /// Reads the canvas from VP8X and walks the chunks (a four-letter name, a little-endian size, the payload padded to
    /// an even length) counting the frames; null when a chunk runs past the file or there is no frame.
    /// </summary>
    public static WebpAnimation? Read(ReadOnlySpan<byte> data)
    {
        if (!IsAnimated(data) || data.Length < 30)
        {
            return null;
        }

        var width = ReadUInt24(data[24..]) + 1;
        var height = ReadUInt24(data[27..]) + 1;
        var frames = 0;
        var lossless = true;
        for (var at = 12; at < data.Length;)
        {
            if (!TryChunk(data, at, out var name, out var payload, out var next))
            {
                return null;
            }

            if (name.SequenceEqual("ANMF"u8))
            {
                // 16 bytes of frame position, size, duration and flags, then the frame's own chunks (ALPH, VP8 or VP8L).
                if (payload.Length < 16)
                {
                    return null;
                }

                frames++;
                for (var sub = 16; sub < payload.Length;)
                {
                    if (!TryChunk(payload, sub, out var subName, out _, out sub))
                    {
                        return null;
                    }

                    lossless &= !subName.SequenceEqual("VP8 "u8);
                }
            }

            at = next;
        }

        return frames == 0 ? null : new WebpAnimation(width, height, frames, lossless);
    }

    private static bool TryChunk(ReadOnlySpan<byte> data, int at, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> payload, out int next)
    {
        name = default;
        payload = default;
        next = data.Length;
        if (data.Length - at < 8)
        {
            return false;
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..]);
        if (size > (uint)(data.Length - at - 8))
        {
            return false;
        }

        name = data.Slice(at, 4);
        payload = data.Slice(at + 8, (int)size);
        next = (int)Math.Min(data.Length, at + 8 + size + (size & 1));
        return true;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);
}
