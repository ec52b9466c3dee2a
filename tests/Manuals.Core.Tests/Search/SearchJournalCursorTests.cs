using Manuals.Core.Search;

namespace Manuals.Core.Tests.Search;

public sealed class SearchJournalCursorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Accept_RowsInOrder_ReturnsThemAllAndWatermarkIsTheLast()
    {
        var cursor = Cursor(0);

        var accepted = cursor.Accept(Rows(1, 2, 3));

        Assert.Equal([1L, 2, 3], Sequences(accepted));
        Assert.Equal(3, cursor.Watermark);
        Assert.Equal(3, cursor.Position);
        Assert.False(cursor.HasOpenGaps);
    }

    [Fact]
    public void Accept_RowsInAnyOrderWithinARead_ReturnsThemAscending()
    {
        var cursor = Cursor(0);

        var accepted = cursor.Accept(Rows(3, 1, 2));

        Assert.Equal([1L, 2, 3], Sequences(accepted));
        Assert.Equal(3, cursor.Watermark);
    }

    [Fact]
    public void Accept_NothingRead_KeepsTheStartingWatermark()
    {
        var cursor = Cursor(41);

        Assert.Empty(cursor.Accept([]));
        Assert.Equal(41, cursor.Watermark);
        Assert.Equal(41, cursor.Position);
    }

    [Fact]
    public void Accept_GapThatFillsLater_WatermarkWaitsBelowItThenPassesTheRowsAbove()
    {
        var cursor = Cursor(5);

        var first = cursor.Accept(Rows(7, 8));
        Assert.Equal([7L, 8], Sequences(first));
        Assert.Equal(5, cursor.Watermark);
        Assert.Equal(8, cursor.Position);
        Assert.True(cursor.HasOpenGaps);

        _clock.Advance(TimeSpan.FromSeconds(2));
        var second = cursor.Accept(Rows(6, 7, 8, 9));

        Assert.Equal([6L, 9], Sequences(second));
        Assert.Equal(9, cursor.Watermark);
        Assert.False(cursor.HasOpenGaps);
    }

    [Fact]
    public void Watermark_GapNeverFilled_IsHeldUntilTheTimeoutThenAbandoned()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(1, 3, 4));

        _clock.Advance(Timeout - TimeSpan.FromTicks(1));
        Assert.Equal(1, cursor.Watermark);
        Assert.True(cursor.HasOpenGaps);

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(4, cursor.Watermark);
        Assert.False(cursor.HasOpenGaps);
    }

    [Fact]
    public void Accept_RowOfAnAbandonedGapShowsUpLate_IsNotApplied()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(1, 3));
        _clock.Advance(Timeout);

        var late = cursor.Accept(Rows(2, 3));

        Assert.Empty(late);
        Assert.Equal(3, cursor.Watermark);
    }

    [Fact]
    public void Accept_SeveralGaps_WatermarkStopsBelowTheOldestOpenOne()
    {
        var cursor = Cursor(10);
        cursor.Accept(Rows(12, 13, 15, 18));
        Assert.Equal(10, cursor.Watermark);

        Assert.Equal([14L, 16, 17], Sequences(cursor.Accept(Rows(16, 17, 14))));
        Assert.Equal(10, cursor.Watermark);
        Assert.True(cursor.HasOpenGaps);

        Assert.Equal([11L], Sequences(cursor.Accept(Rows(11, 12, 13))));
        Assert.Equal(18, cursor.Watermark);
        Assert.False(cursor.HasOpenGaps);
    }

    [Fact]
    public void Accept_LaterGapFillsFirst_WatermarkStaysBelowTheEarlierGap()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(2, 4, 6));

        Assert.Equal([5L], Sequences(cursor.Accept(Rows(5))));
        Assert.Equal(0, cursor.Watermark);

        Assert.Equal([1L], Sequences(cursor.Accept(Rows(1))));
        Assert.Equal(2, cursor.Watermark);

        Assert.Equal([3L], Sequences(cursor.Accept(Rows(3))));
        Assert.Equal(6, cursor.Watermark);
    }

    [Fact]
    public void Accept_RowInsideALongGap_SplitsItAndTheRestStaysOpen()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(10));

        Assert.Equal([5L], Sequences(cursor.Accept(Rows(5))));
        Assert.Equal(0, cursor.Watermark);
        Assert.False(cursor.Covers(4));
        Assert.True(cursor.Covers(5));
        Assert.False(cursor.Covers(6));

        Assert.Equal([1L, 2, 3, 4], Sequences(cursor.Accept(Rows(1, 2, 3, 4))));
        Assert.Equal(5, cursor.Watermark);

        Assert.Equal([6L, 7, 8, 9], Sequences(cursor.Accept(Rows(6, 7, 8, 9))));
        Assert.Equal(10, cursor.Watermark);
    }

    [Fact]
    public void Accept_GapsSeenAtDifferentTimes_EachIsAbandonedOnItsOwnTimeout()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(2));
        _clock.Advance(TimeSpan.FromSeconds(30));
        cursor.Accept(Rows(4));
        Assert.Equal(0, cursor.Watermark);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, cursor.Watermark);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(2, cursor.Watermark);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, cursor.Watermark);
    }

    [Fact]
    public void Accept_RowsReadAgainAfterTheWatermark_AreNotReturnedTwice()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(1, 2, 4, 5));

        // The indexer re-reads after the watermark (1) to look for row 3: only the filled gap comes back.
        Assert.Empty(cursor.Accept(Rows(2, 4, 5)));
        Assert.Equal([3L], Sequences(cursor.Accept(Rows(2, 3, 4, 5))));
        Assert.Equal(5, cursor.Watermark);
    }

    [Fact]
    public void Accept_DuplicateWithinOneRead_IsReturnedOnce()
    {
        var cursor = Cursor(0);

        Assert.Equal([1L, 2], Sequences(cursor.Accept(Rows(1, 2, 2, 1))));
    }

    [Fact]
    public void NewCursor_AfterRestartFromThePersistedWatermark_ReappliesTheRowsAboveIt()
    {
        var before = Cursor(0);
        before.Accept(Rows(1, 2, 4, 5));
        var persisted = before.Watermark;
        Assert.Equal(2, persisted);

        var after = Cursor(persisted);
        var reread = after.Accept(Rows(3, 4, 5, 6));

        Assert.Equal([3L, 4, 5, 6], Sequences(reread));
        Assert.Equal(6, after.Watermark);
    }

    [Fact]
    public void NewCursor_RestartWhileTheGapIsStillOpen_KeepsWaitingForIt()
    {
        var before = Cursor(0);
        before.Accept(Rows(1, 3));

        var after = Cursor(before.Watermark);
        Assert.Equal([3L], Sequences(after.Accept(Rows(3))));

        Assert.Equal(1, after.Watermark);
        Assert.Equal([2L], Sequences(after.Accept(Rows(2, 3))));
        Assert.Equal(3, after.Watermark);
    }

    [Fact]
    public void Covers_RowAboveAnOpenGap_IsCoveredWhileTheWatermarkIsHeld()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(1, 3));

        Assert.True(cursor.Covers(1));
        Assert.False(cursor.Covers(2));
        Assert.True(cursor.Covers(3));
        Assert.False(cursor.Covers(4));

        _clock.Advance(Timeout);
        Assert.True(cursor.Covers(2));
    }

    [Fact]
    public void CountAccepted_GapsAboveTheWatermark_CountsOnlyTheRowsAccepted()
    {
        var cursor = Cursor(0);
        cursor.Accept(Rows(1, 2, 4, 7, 8));

        Assert.Equal(2, cursor.Watermark);
        Assert.Equal(3, cursor.CountAccepted(cursor.Watermark));
        Assert.Equal(5, cursor.CountAccepted(0));
        Assert.Equal(1, cursor.CountAccepted(7));
        Assert.Equal(0, cursor.CountAccepted(8));

        cursor.Accept(Rows(6));
        Assert.Equal(4, cursor.CountAccepted(cursor.Watermark));

        _clock.Advance(Timeout);
        Assert.Equal(8, cursor.Watermark);
        Assert.Equal(0, cursor.CountAccepted(cursor.Watermark));
    }

    [Fact]
    public void Constructor_CustomTimeout_IsUsed()
    {
        var cursor = new SearchJournalCursor(0, _clock, TimeSpan.FromSeconds(5));
        cursor.Accept(Rows(2));

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(2, cursor.Watermark);
        Assert.Equal(TimeSpan.FromSeconds(60), SearchJournalCursor.DefaultGapTimeout);
    }

    [Fact]
    public void Constructor_DefaultTimeout_IsSixtySeconds()
    {
        var cursor = new SearchJournalCursor(0, _clock);
        cursor.Accept(Rows(2));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, cursor.Watermark);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, cursor.Watermark);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchJournalCursor(-1, _clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchJournalCursor(0, _clock, TimeSpan.Zero));
        Assert.Throws<ArgumentNullException>(() => new SearchJournalCursor(0, null!));
    }

    private SearchJournalCursor Cursor(long watermark) => new(watermark, _clock, Timeout);

    private static List<SearchJournalEntry> Rows(params long[] sequences) =>
        sequences.Select(s => new SearchJournalEntry(s, 100 + s, SearchJournalKind.Upsert)).ToList();

    private static List<long> Sequences(IEnumerable<SearchJournalEntry> entries) => entries.Select(e => e.Sequence).ToList();

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
