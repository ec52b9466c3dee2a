using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

public sealed class ReviewScheduleTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 10, 0, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void DueAt_NeverReviewed_CountsFromCreation() =>
        Assert.Equal(Created.AddDays(180), ReviewSchedule.DueAt(Created, null, 180));

    [Fact]
    public void DueAt_Reviewed_CountsFromLastReview()
    {
        var reviewed = Created.AddDays(100);

        Assert.Equal(reviewed.AddDays(90), ReviewSchedule.DueAt(Created, reviewed, 90));
    }

    [Theory]
    [InlineData(0, ReviewState.Current)]
    [InlineData(149, ReviewState.Current)]
    [InlineData(150, ReviewState.DueSoon)]
    [InlineData(179, ReviewState.DueSoon)]
    [InlineData(180, ReviewState.Overdue)]
    [InlineData(400, ReviewState.Overdue)]
    public void StateOf_Published_FollowsTheCalendar(int daysAfterCreation, ReviewState expected)
    {
        var due = ReviewSchedule.DueAt(Created, null, 180);

        Assert.Equal(expected, ReviewSchedule.StateOf(ManualStatus.Published, due, Created.AddDays(daysAfterCreation)));
    }

    [Theory]
    [InlineData(ManualStatus.Draft)]
    [InlineData(ManualStatus.Archived)]
    public void StateOf_NotPublished_IsNeverDue(ManualStatus status) =>
        Assert.Equal(ReviewState.NotApplicable, ReviewSchedule.StateOf(status, Created, Created.AddDays(1000)));
}
