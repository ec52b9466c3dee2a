using Manuals.Data.Tests.Infrastructure;

namespace Manuals.Data.Tests;

/// <summary>A value kept on the node for at most a second and dropped when the node writes it.</summary>
public sealed class RecentReadTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task GetAsync_WithinMaxAge_ReadsOnceThenAgainOnceItHasAged()
    {
        var clock = new SettableClock(Monday);
        var reads = 0;
        var recent = new RecentRead<string>(_ => Task.FromResult($"read {++reads}"), clock);

        var first = await recent.GetAsync(CancellationToken.None);
        clock.Advance(RecentRead<string>.MaxAge - TimeSpan.FromMilliseconds(1));
        var kept = await recent.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var aged = await recent.GetAsync(CancellationToken.None);

        Assert.Equal("read 1", first);
        Assert.Equal("read 1", kept);
        Assert.Equal("read 2", aged);
    }

    [Fact]
    public async Task Forget_AfterAWrite_TheNextGetReadsAgain()
    {
        var reads = 0;
        var recent = new RecentRead<string>(_ => Task.FromResult($"read {++reads}"), new SettableClock(Monday));
        await recent.GetAsync(CancellationToken.None);

        recent.Forget();

        Assert.Equal("read 2", await recent.GetAsync(CancellationToken.None));
        Assert.Equal("read 2", await recent.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_SucceedingOrFailing_TheNextGetReadsAgain()
    {
        var reads = 0;
        var recent = new RecentRead<string>(_ => Task.FromResult($"read {++reads}"), new SettableClock(Monday));
        await recent.GetAsync(CancellationToken.None);

        Assert.Equal(7, await recent.WriteAsync(() => Task.FromResult(7)));
        Assert.Equal("read 2", await recent.GetAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => recent.WriteAsync<int>(() => throw new InvalidOperationException("書き込み失敗")));
        Assert.Equal("read 3", await recent.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Forget_WhileAReadIsUnderWay_ThatReadIsReturnedButNotKept()
    {
        var slow = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        var recent = new RecentRead<string>(_ => ++reads == 1 ? slow.Task : Task.FromResult($"read {reads}"), new SettableClock(Monday));

        var underWay = recent.GetAsync(CancellationToken.None);
        recent.Forget();
        slow.SetResult("read before the write");

        Assert.Equal("read before the write", await underWay);
        Assert.Equal("read 2", await recent.GetAsync(CancellationToken.None));
    }
}
