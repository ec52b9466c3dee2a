using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Manuals.Web.Tests.Features.Images;

/// <summary>Small valid PNGs built in code: a 4 × 3 picture whose colours depend on a seed, optionally with metadata.</summary>
internal static class TestPng
{
    public const string Comment = "撮影場所: 本社3階 人事部";

    public static byte[] Create(int seed, bool withMetadata = false)
    {
        const int width = 4, height = 3;
        var raw = new byte[height * (1 + (width * 3))];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = i % (1 + (width * 3)) == 0 ? (byte)0 : (byte)((seed * 31) + (i * 7));
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var chunks = new List<byte[]> { signature, Chunk("IHDR", header) };
        if (withMetadata)
        {
            chunks.Add(Chunk("tEXt", [.. "Comment\0"u8, .. Encoding.UTF8.GetBytes(Comment)]));
            chunks.Add(Chunk("eXIf", [.. "II*\0"u8, 8, 0, 0, 0, 1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]));
        }

        chunks.Add(Chunk("IDAT", compressed.ToArray()));
        chunks.Add(Chunk("IEND", []));
        return chunks.SelectMany(c => c).ToArray();
    }

    /// <summary>
    /// The picture's bytes as the server stores them: the upload pipeline's own output for the picture without metadata
    /// (which is also what it makes of the picture with metadata).
    /// </summary>
    public static byte[] Stripped(int seed)
    {
        using var processor = new global::Manuals.Core.Images.ImageProcessor();
        return processor.ProcessAsync(Create(seed), CancellationToken.None).GetAwaiter().GetResult().Image!.Data;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        var crc = 0xFFFFFFFFu;
        foreach (var b in chunk.AsSpan(4, 4 + data.Length))
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), ~crc);
        return chunk;
    }
}
