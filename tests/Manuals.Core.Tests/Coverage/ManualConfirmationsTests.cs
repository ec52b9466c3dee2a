using Manuals.Core.Coverage;
using Manuals.Core.Reading;

namespace Manuals.Core.Tests.Coverage;

/// <summary>When the matrix shows 「マニュアル確認済」: level 0 or 1, a manual of the task read at the revision that counts, one the viewer may read.</summary>
public sealed class ManualConfirmationsTests
{
    private const long Hanako = 1;
    private const long Closing = 10;
    private const long Payroll = 20;
    private const long Readable = 100;
    private const long Restricted = 200;
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(9));

    private static readonly ManualConfirmations Confirmations = new(
        [
            new TaskManualConfirmation(Hanako, Closing, Readable, 3, At, IsConfirmed: true),
            new TaskManualConfirmation(Hanako, Payroll, Readable, 1, At, IsConfirmed: false),
            new TaskManualConfirmation(Hanako, Payroll, Restricted, 2, At, IsConfirmed: true),
        ],
        manualId => manualId == Readable);

    [Theory]
    [InlineData(SkillLevel.None, true)]
    [InlineData(SkillLevel.WithGuidance, true)]
    [InlineData(SkillLevel.Independent, false)]
    [InlineData(SkillLevel.CanTeach, false)]
    public void ShowsHint_ManualReadAtTheRevisionThatCounts_OnlyAtLevelZeroOrOne(SkillLevel level, bool shown) =>
        Assert.Equal(shown, Confirmations.ShowsHint(Hanako, Closing, level));

    [Fact]
    public void ShowsHint_OnlyAnEarlierRevisionOrAManualTheViewerMayNotRead_NoHint()
    {
        Assert.False(Confirmations.ShowsHint(Hanako, Payroll, SkillLevel.None));
        Assert.Null(Confirmations.Find(Hanako, Payroll, Restricted));
        Assert.Equal(ReadingState.RevisionNotConfirmed, Confirmations.Find(Hanako, Payroll, Readable)!.State);
        Assert.Equal([Closing, Payroll], Confirmations.TaskIdsOf(Hanako).Order());
    }

    [Fact]
    public void ShowsHint_SomeoneElseOrNobody_NoHint()
    {
        Assert.False(Confirmations.ShowsHint(2, Closing, SkillLevel.None));
        Assert.False(ManualConfirmations.None.ShowsHint(Hanako, Closing, SkillLevel.None));
        Assert.Empty(ManualConfirmations.None.TaskIdsOf(Hanako));
    }
}
