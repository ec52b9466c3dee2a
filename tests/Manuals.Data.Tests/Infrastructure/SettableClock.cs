namespace Manuals.Data.Tests.Infrastructure;

/// <summary>A clock that stands still at <c>now</c> until a test moves it.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;
}
