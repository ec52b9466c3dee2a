namespace Manuals.Data.Tests.Infrastructure;

/// <summary>A clock that stands still at <c>now</c> until a test moves it, wall time and elapsed time alike.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override long GetTimestamp() => _now.UtcTicks;

    public void Advance(TimeSpan by) => _now += by;
}
