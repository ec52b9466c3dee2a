namespace Manuals.Web.Shared;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body without its <c>%00</c> escapes (see
/// <see cref="EncodedNulFormMiddleware"/>). Escapes are read left to right as the form decoder reads them, so an encoded
/// percent sign followed by 00 (<c>%2500</c>, a typed 「%00」) is kept, and a <c>%</c> or <c>%0</c> at the end of one read
/// waits for the next.
/// </summary>
internal sealed class EncodedNulFilterStream(Stream inner) : Stream
{
    private const int BufferSize = 16 * 1024;

    // _buffer[_start.._end] is filtered and ready; _buffer[_end.._carryEnd] is an unfinished escape for the next fill.
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private int _carryEnd;
    private bool _innerEnded;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end && !(_innerEnded && _carryEnd == _end))
        {
            var carried = MoveCarryToFront();
            Filter(carried, inner.Read(_buffer, carried, _buffer.Length - carried));
        }

        return CopyReady(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_start == _end && !(_innerEnded && _carryEnd == _end))
        {
            var carried = MoveCarryToFront();
            Filter(carried, await inner.ReadAsync(_buffer.AsMemory(carried), cancellationToken));
        }

        return CopyReady(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int MoveCarryToFront()
    {
        var carried = _carryEnd - _end;
        _buffer.AsSpan(_end, carried).CopyTo(_buffer);
        _start = _end = _carryEnd = 0;
        return carried;
    }

    /// <summary>Filters in place the <paramref name="carried"/> bytes and the <paramref name="read"/> bytes after them.</summary>
    private void Filter(int carried, int read)
    {
        _innerEnded = read == 0;
        var length = carried + read;
        var write = 0;
        var i = 0;
        while (i < length)
        {
            if (_buffer[i] != '%')
            {
                _buffer[write++] = _buffer[i++];
                continue;
            }

            if (i + 2 < length)
            {
                if (_buffer[i + 1] == '0' && _buffer[i + 2] == '0')
                {
                    i += 3;
                }
                else
                {
                    // Not a NUL: the percent sign goes through, and what follows it is read as usual.
                    _buffer[write++] = _buffer[i++];
                }

                continue;
            }

            if (_innerEnded)
            {
                _buffer[write++] = _buffer[i++];
                continue;
            }

            // 「%」 or 「%0」 at the end: the rest of the escape is in the next read.
            break;
        }

        var carry = length - i;
        _buffer.AsSpan(i, carry).CopyTo(_buffer.AsSpan(write));
        _start = 0;
        _end = write;
        _carryEnd = write + carry;
    }

    private int CopyReady(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }
}
