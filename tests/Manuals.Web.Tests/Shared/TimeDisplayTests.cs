using Manuals.Web.Shared;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Tests.Shared;

public sealed class TimeDisplayTests
{
    private static readonly DateTimeOffset UtcEvening = new(2026, 3, 31, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Format_Default_ShowsTokyoTime()
    {
        var time = new TimeDisplay(Options.Create(new ManualsOptions()));

        Assert.Equal("2026/04/01 00:30", time.Format(UtcEvening));
        Assert.Equal("2026-04-01T00:30:00+09:00", time.Iso(UtcEvening));
    }

    [Fact]
    public void Format_ConfiguredZone_UsesIt()
    {
        var time = new TimeDisplay(Options.Create(new ManualsOptions { TimeZone = "Europe/London" }));

        Assert.Equal("2026/03/31 16:30", time.Format(UtcEvening));
    }
}
