namespace Manuals.Core.Images;

/// <summary>
/// The stripped copy of an image being built. Stripping only ever removes bytes, so one buffer the size of the input
/// always suffices; it is allocated only after the header has passed the size checks.
/// </summary>
internal sealed class ImageBuffer(int capacity)
{
    private readonly byte[] _buffer = new byte[capacity];

    public int Length { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Write(byte value) => _buffer[Length++] = value;

    /// <summary>Lets a format fix a field it already wrote (WebP's RIFF size and VP8X flags).</summary>
    public Span<byte> Written => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => Written.ToArray();
}
