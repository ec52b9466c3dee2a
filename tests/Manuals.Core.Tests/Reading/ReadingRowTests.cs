using Manuals.Core.Reading;

namespace Manuals.Core.Tests.Reading;

public sealed class ReadingRowTests
{
    private static readonly DateOnly Due = new(2026, 12, 14);

    [Theory]
    [InlineData(null, 1, ReadingState.NotRead)]
    [InlineData(1, 1, ReadingState.Confirmed)]
    [InlineData(3, 1, ReadingState.Confirmed)] // a later revision without a material change
    [InlineData(2, 4, ReadingState.RevisionNotConfirmed)] // revision 4 was 重要な変更
    [InlineData(4, 4, ReadingState.Confirmed)]
    [InlineData(5, 4, ReadingState.Confirmed)]
    public void State_ConfirmedAgainstRequiredRevision_IsNotReadRevisionNotConfirmedOrConfirmed(int? confirmed, int required, ReadingState expected) =>
        Assert.Equal(expected, Row(confirmed, required).State);

    [Theory]
    [InlineData(null, 2, 1, ReadingState.Opened)] // opened, never confirmed
    [InlineData(null, 3, 4, ReadingState.NotRead)] // opened before the 重要な変更 only
    [InlineData(2, 4, 4, ReadingState.Opened)] // opened the 重要な変更, not yet confirmed it
    [InlineData(2, 3, 4, ReadingState.RevisionNotConfirmed)]
    [InlineData(4, 4, 4, ReadingState.Confirmed)]
    public void State_WithTheRevisionOpened_IsOpenedUntilConfirmed(int? confirmed, int opened, int required, ReadingState expected) =>
        Assert.Equal(expected, (Row(confirmed, required) with { OpenedRevision = opened }).State);

    [Theory]
    [InlineData(null, "2026-12-14", false)] // due today: not yet overdue
    [InlineData(null, "2026-12-15", true)]
    [InlineData(2, "2026-12-15", true)] // confirmed an older revision only
    [InlineData(4, "2026-12-15", false)]
    public void IsOverdue_Today_OnlyWhenNotConfirmedAfterTheDueDate(int? confirmed, string today, bool expected) =>
        Assert.Equal(expected, Row(confirmed, 4).IsOverdue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    private static ReadingRow Row(int? confirmed, int required) =>
        new(1, 2, "佐藤 花子", Due, confirmed, confirmed is null ? null : DateTimeOffset.UnixEpoch, required);
}
