namespace Manuals.Data;

/// <summary>
/// What a database read returned, kept on this node for at most <see cref="MaxAge"/> and dropped by <see cref="Forget"/>
/// when this node writes what it holds: for small lists every search reads (synonyms, task names), so a search costs no
/// round trip for them while a change made on another node still shows within <see cref="MaxAge"/>. A read that started
/// before a <see cref="Forget"/> is returned to its caller but not kept.
/// </summary>
public sealed class RecentRead<T>(Func<CancellationToken, Task<T>> read, TimeProvider time)
    where T : class
{
    /// <summary>The freshness the product promises for what other nodes write.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private (T Value, long ReadFrom)? _kept;
    private long _version;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        long version;
        lock (_lock)
        {
            if (_kept is { } kept && time.GetElapsedTime(kept.ReadFrom) < MaxAge)
            {
                return kept.Value;
            }

            version = _version;
        }

        // Aged from when the read started: a change committed after that may be missing from it.
        var started = time.GetTimestamp();
        var value = await read(cancellationToken);
        lock (_lock)
        {
            if (_version == version)
            {
                _kept = (value, started);
            }
        }

        return value;
    }

    /// <summary>Runs a write of what this holds, then drops the kept value (whether the write succeeded or not).</summary>
    public async Task<TResult> WriteAsync<TResult>(Func<Task<TResult>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await write();
        }
        finally
        {
            Forget();
        }
    }

    /// <summary>Drops the kept value: the next <see cref="GetAsync"/> reads again.</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _version++;
            _kept = null;
        }
    }
}
