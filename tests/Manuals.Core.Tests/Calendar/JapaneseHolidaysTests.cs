using System.Globalization;
using Manuals.Core.Calendar;

namespace Manuals.Core.Tests.Calendar;

/// <summary>
/// The computed holidays against the Cabinet Office's published calendar (内閣府「国民の祝日について」): whole years for
/// 2025–2027, so a missing or an extra day fails, and spot checks for the years the special laws changed.
/// </summary>
public sealed class JapaneseHolidaysTests
{
    private static readonly Dictionary<int, string> Official = new()
    {
        [2025] = """
            01-01 元日
            01-13 成人の日
            02-11 建国記念の日
            02-23 天皇誕生日
            02-24 振替休日
            03-20 春分の日
            04-29 昭和の日
            05-03 憲法記念日
            05-04 みどりの日
            05-05 こどもの日
            05-06 振替休日
            07-21 海の日
            08-11 山の日
            09-15 敬老の日
            09-23 秋分の日
            10-13 スポーツの日
            11-03 文化の日
            11-23 勤労感謝の日
            11-24 振替休日
            """,
        [2026] = """
            01-01 元日
            01-12 成人の日
            02-11 建国記念の日
            02-23 天皇誕生日
            03-20 春分の日
            04-29 昭和の日
            05-03 憲法記念日
            05-04 みどりの日
            05-05 こどもの日
            05-06 振替休日
            07-20 海の日
            08-11 山の日
            09-21 敬老の日
            09-22 国民の休日
            09-23 秋分の日
            10-12 スポーツの日
            11-03 文化の日
            11-23 勤労感謝の日
            """,
        [2027] = """
            01-01 元日
            01-11 成人の日
            02-11 建国記念の日
            02-23 天皇誕生日
            03-21 春分の日
            03-22 振替休日
            04-29 昭和の日
            05-03 憲法記念日
            05-04 みどりの日
            05-05 こどもの日
            07-19 海の日
            08-11 山の日
            09-20 敬老の日
            09-23 秋分の日
            10-11 スポーツの日
            11-03 文化の日
            11-23 勤労感謝の日
            """,
    };

    [Theory]
    [InlineData(2025, 19)]
    [InlineData(2026, 18)]
    [InlineData(2027, 17)]
    public void InYear_OfficialYear_EqualsCabinetOfficeCalendar(int year, int count)
    {
        var expected = Official[year].Split('\n').Select(line => ParseLine(year, line)).ToList();

        Assert.Equal(count, expected.Count);
        Assert.Equal(expected, JapaneseHolidays.InYear(year));
    }

    [Theory]
    // 2019: 天皇誕生日 none; the enthronement days count as 祝日, so 4/30 and 5/2 are 国民の休日.
    [InlineData("2019-04-29", "昭和の日")]
    [InlineData("2019-04-30", "国民の休日")]
    [InlineData("2019-05-01", "即位の日")]
    [InlineData("2019-05-02", "国民の休日")]
    [InlineData("2019-05-06", "振替休日")]
    [InlineData("2019-08-12", "振替休日")]
    [InlineData("2019-10-14", "体育の日")]
    [InlineData("2019-10-22", "即位礼正殿の儀")]
    [InlineData("2019-11-04", "振替休日")]
    [InlineData("2019-12-23", null)]
    [InlineData("2019-02-23", null)]
    // 2020: 天皇誕生日 on 2/23 from now on; the Olympic law moves 海の日, スポーツの日 and 山の日.
    [InlineData("2020-02-23", "天皇誕生日")]
    [InlineData("2020-02-24", "振替休日")]
    [InlineData("2020-07-23", "海の日")]
    [InlineData("2020-07-24", "スポーツの日")]
    [InlineData("2020-08-10", "山の日")]
    [InlineData("2020-07-20", null)]
    [InlineData("2020-08-11", null)]
    [InlineData("2020-10-12", null)]
    [InlineData("2020-12-23", null)]
    // 2021: moved again for the postponed games; 山の日 on a Sunday gives 8/9.
    [InlineData("2021-07-22", "海の日")]
    [InlineData("2021-07-23", "スポーツの日")]
    [InlineData("2021-08-08", "山の日")]
    [InlineData("2021-08-09", "振替休日")]
    [InlineData("2021-07-19", null)]
    [InlineData("2021-08-11", null)]
    [InlineData("2021-10-11", null)]
    // 2024: five 振替休日.
    [InlineData("2024-02-12", "振替休日")]
    [InlineData("2024-05-06", "振替休日")]
    [InlineData("2024-08-12", "振替休日")]
    [InlineData("2024-09-22", "秋分の日")]
    [InlineData("2024-09-23", "振替休日")]
    [InlineData("2024-11-04", "振替休日")]
    public void NameOf_SpecialLawYears_MatchesCabinetOfficeCalendar(string date, string? expected) =>
        Assert.Equal(expected, JapaneseHolidays.NameOf(Day(date)));

    [Theory]
    // Rules before the 2007 and 2016 amendments, and days the rules give in years not yet published.
    [InlineData("2000-01-10", "成人の日")]
    [InlineData("2002-07-20", "海の日")]
    [InlineData("2002-09-15", "敬老の日")]
    [InlineData("2003-07-21", "海の日")]
    [InlineData("2003-05-04", null)]
    [InlineData("2006-04-29", "みどりの日")]
    [InlineData("2006-05-04", "国民の休日")]
    [InlineData("2007-04-29", "昭和の日")]
    [InlineData("2009-09-22", "国民の休日")]
    [InlineData("2015-08-11", null)]
    [InlineData("2016-08-11", "山の日")]
    [InlineData("2018-12-24", "振替休日")]
    [InlineData("2032-09-21", "国民の休日")]
    [InlineData("2033-03-21", "振替休日")]
    public void NameOf_LawChanges_FollowsTheRulesOfThatYear(string date, string? expected) =>
        Assert.Equal(expected, JapaneseHolidays.NameOf(Day(date)));

    [Theory]
    [InlineData("2026-01-02")]
    [InlineData("2026-12-31")]
    [InlineData("2026-05-02")]
    [InlineData("2026-09-19")]
    public void IsHoliday_OrdinaryDayOrWeekend_IsFalse(string date) =>
        Assert.False(JapaneseHolidays.IsHoliday(Day(date)));

    [Theory]
    [InlineData("2026-05-06")]
    [InlineData("2026-09-22")]
    [InlineData("2026-01-01")]
    public void IsHoliday_Holiday_IsTrue(string date) =>
        Assert.True(JapaneseHolidays.IsHoliday(Day(date)));

    [Fact]
    public void InYear_EverySupportedYear_IsOrderedAndWithinTheYear()
    {
        for (var year = JapaneseHolidays.MinYear; year <= JapaneseHolidays.MaxYear; year++)
        {
            var holidays = JapaneseHolidays.InYear(year);

            Assert.InRange(holidays.Count, 15, 22);
            Assert.All(holidays, holiday => Assert.Equal(year, holiday.Date.Year));
            Assert.Equal(holidays.OrderBy(holiday => holiday.Date), holidays);
            Assert.All(holidays, holiday => Assert.Equal(holiday.Name, JapaneseHolidays.NameOf(holiday.Date)));
        }
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void InYear_OutsideSupportedYears_Throws(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.InYear(year));

    [Fact]
    public void IsHoliday_OutsideSupportedYears_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new DateOnly(1999, 12, 31)));

    private static Holiday ParseLine(int year, string line)
    {
        var parts = line.Split(' ');
        return new Holiday(Day($"{year}-{parts[0]}"), parts[1]);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
