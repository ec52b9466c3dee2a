namespace Manuals.Web.Tests.Infrastructure;

/// <summary>A clock tests can move forward, to see review dates pass without waiting half a year.</summary>
public sealed class SettableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
