using System.Buffers;
using System.Runtime.CompilerServices;
using SixLabors.ImageSharp.Memory;

namespace Manuals.Core.Images;

/// <summary>
/// ImageSharp's memory for one upload, with a ceiling on what it holds at once: a decode that would go over (an
/// animation of very many frames, a header that lied about the size) stops with <see cref="DecodeBudgetExceededException"/>
/// instead of taking the server's memory. Buffers come from the garbage-collected heap and are not pooled, so nothing
/// stays allocated after the upload.
/// </summary>
internal sealed class DecodeBudget(long maxBytes) : MemoryAllocator
{
    private readonly SimpleGcMemoryAllocator _heap = new();
    private long _held;

    public override IMemoryOwner<T> Allocate<T>(int length, AllocationOptions options = AllocationOptions.None)
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (Interlocked.Add(ref _held, bytes) > maxBytes)
        {
            Interlocked.Add(ref _held, -bytes);
            throw new DecodeBudgetExceededException();
        }

        return new Held<T>(_heap.Allocate<T>(length, options), () => Interlocked.Add(ref _held, -bytes));
    }

    // Large images are split into buffers of this size, so the ceiling is checked as the picture grows.
    protected override int GetBufferCapacityInBytes() => 4 * 1024 * 1024;

    private sealed class Held<T>(IMemoryOwner<T> buffer, Action release) : IMemoryOwner<T>
    {
        private int _disposed;

        public Memory<T> Memory => buffer.Memory;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                buffer.Dispose();
                release();
            }
        }
    }
}

/// <summary>Decoding an upload needed more memory than <see cref="ImageLimits.MaxDecodedBytes"/>.</summary>
public sealed class DecodeBudgetExceededException : Exception
{
    public DecodeBudgetExceededException()
        : base("Decoding the image needed more memory than an upload may use.")
    {
    }

    public DecodeBudgetExceededException(string message)
        : base(message)
    {
    }

    public DecodeBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
