using System.Globalization;
using Manuals.Core.Calendar;

namespace Manuals.Core.Tests.Calendar;

/// <summary>Business days over weekends, Golden Week, Silver Week, the year end and short months.</summary>
public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-05-01", true)]  // Friday before Golden Week
    [InlineData("2026-05-02", false)] // Saturday
    [InlineData("2026-05-06", false)] // 振替休日 (こどもの日 is a Tuesday, 憲法記念日 a Sunday)
    [InlineData("2026-05-07", true)]
    [InlineData("2026-09-22", false)] // 国民の休日
    [InlineData("2025-12-31", true)]  // 大晦日 is not a public holiday
    [InlineData("2026-01-01", false)]
    public void IsBusinessDay_Date_FollowsWeekendsAndHolidays(string date, bool expected) =>
        Assert.Equal(expected, BusinessCalendar.IsBusinessDay(Day(date)));

    [Theory]
    [InlineData("2026-05-07", "2026-05-07")] // already a business day
    [InlineData("2026-05-02", "2026-05-07")] // Golden Week: Sat, Sun, three 祝日 and a 振替休日
    [InlineData("2026-09-19", "2026-09-24")] // Silver Week: Sat, Sun, 敬老の日, 国民の休日, 秋分の日
    [InlineData("2026-01-01", "2026-01-02")]
    [InlineData("2027-01-01", "2027-01-04")]
    [InlineData("2019-04-27", "2019-05-07")] // the ten days of 2019
    public void NextOnOrAfter_Date_SkipsWeekendsAndHolidays(string date, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.NextOnOrAfter(Day(date)));

    [Theory]
    [InlineData("2026-05-07", "2026-05-07")]
    [InlineData("2026-05-06", "2026-05-01")]
    [InlineData("2026-09-23", "2026-09-18")]
    [InlineData("2027-03-22", "2027-03-19")] // 振替休日 Monday back to Friday
    public void PreviousOnOrBefore_Date_SkipsWeekendsAndHolidays(string date, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.PreviousOnOrBefore(Day(date)));

    [Theory]
    [InlineData(2026, 5, "2026-05-29")]  // 5/30 Sat, 5/31 Sun
    [InlineData(2026, 1, "2026-01-30")]  // 1/31 Sat
    [InlineData(2025, 11, "2025-11-28")] // 11/30 Sun
    [InlineData(2026, 2, "2026-02-27")]  // 2/28 Sat
    [InlineData(2027, 2, "2027-02-26")]  // 2/28 Sun
    [InlineData(2028, 2, "2028-02-29")]  // leap year, a Tuesday
    [InlineData(2026, 12, "2026-12-31")] // no company holidays at the year end
    public void LastBusinessDayOfMonth_MonthEndingOnWeekend_MovesBack(int year, int month, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.LastBusinessDayOfMonth(year, month));

    [Theory]
    [InlineData(2027, 1, "2027-01-04")]  // 元日 Fri, then the weekend
    [InlineData(2026, 1, "2026-01-02")]
    [InlineData(2026, 11, "2026-11-02")] // 11/1 Sun
    [InlineData(2019, 5, "2019-05-07")]
    [InlineData(2026, 5, "2026-05-01")]
    public void FirstBusinessDayOfMonth_MonthStartingOnHoliday_MovesForward(int year, int month, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.FirstBusinessDayOfMonth(year, month));

    [Theory]
    [InlineData(2026, 5, 1, "2026-05-01")]
    [InlineData(2026, 5, 2, "2026-05-07")]  // over Golden Week
    [InlineData(2026, 5, 5, "2026-05-12")]
    [InlineData(2026, 9, 14, "2026-09-18")]
    [InlineData(2026, 9, 15, "2026-09-24")] // over Silver Week
    [InlineData(2026, 9, 19, "2026-09-30")] // September 2026 has 19 business days
    [InlineData(2026, 12, 5, "2026-12-07")]
    [InlineData(2027, 1, 3, "2027-01-06")]
    [InlineData(2027, 1, 6, "2027-01-12")]  // over 成人の日
    [InlineData(2019, 5, 1, "2019-05-07")]
    [InlineData(2026, 2, 8, "2026-02-12")]  // over 建国記念の日
    public void NthBusinessDayOfMonth_AcrossHolidays_CountsOnlyBusinessDays(int year, int month, int n, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.NthBusinessDayOfMonth(year, month, n));

    [Theory]
    [InlineData(20)]
    [InlineData(31)]
    public void NthBusinessDayOfMonth_BeyondTheMonthsCount_IsLastBusinessDay(int n) =>
        Assert.Equal(new DateOnly(2026, 9, 30), BusinessCalendar.NthBusinessDayOfMonth(2026, 9, n));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NthBusinessDayOfMonth_NotPositive_Throws(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.NthBusinessDayOfMonth(2026, 5, n));

    [Theory]
    [InlineData("2026-12-04", 0, "2026-12-04")] // a Friday, itself
    [InlineData("2026-12-05", 0, "2026-12-07")] // a Saturday: the Monday after
    [InlineData("2026-12-04", 1, "2026-12-07")] // over the weekend
    [InlineData("2026-12-30", 2, "2027-01-04")] // 12/31, then over 元日 and the weekend
    [InlineData("2026-05-01", 1, "2026-05-07")] // over Golden Week
    [InlineData("2026-12-07", 5, "2026-12-14")] // a working week
    public void AddBusinessDays_Days_CountsOnlyBusinessDays(string from, int days, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.AddBusinessDays(Day(from), days));

    [Fact]
    public void AddBusinessDays_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AddBusinessDays(new DateOnly(2026, 12, 7), -1));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
