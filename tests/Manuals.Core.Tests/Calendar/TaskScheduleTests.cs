using System.Globalization;
using Manuals.Core.Calendar;
using Manuals.Core.Coverage;

namespace Manuals.Core.Tests.Calendar;

/// <summary>Reading timings (時期) into rules, and the due dates each rule gives around weekends and holidays.</summary>
public sealed class TaskScheduleTests
{
    [Theory]
    // Every distinct 頻度 and 時期 in samples/coverage/tasks.csv: each is read, or deliberately left without a due date.
    [InlineData(TaskFrequency.Daily, "毎営業日", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Daily, "毎営業日10時・14時", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Daily, "毎営業日15時", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Daily, "毎営業日17時まで", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Daily, "毎営業日の終業時", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Daily, "毎朝9時", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Daily, "平日11時・17時", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Daily, "随時", DueDateRule.EveryBusinessDay)]
    [InlineData(TaskFrequency.Weekly, "毎週月曜日", DueDateRule.Weekday)]
    [InlineData(TaskFrequency.Weekly, "毎週火曜日", DueDateRule.Weekday)]
    [InlineData(TaskFrequency.Weekly, "毎週水曜日", DueDateRule.Weekday)]
    [InlineData(TaskFrequency.Weekly, "毎週木曜日", DueDateRule.Weekday)]
    [InlineData(TaskFrequency.Weekly, "毎週金曜日", DueDateRule.Weekday)]
    [InlineData(TaskFrequency.Monthly, "毎月第1営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月第2営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月第3営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月第4営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月第5営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月第7営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月第10営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月初", DueDateRule.MonthStart)]
    [InlineData(TaskFrequency.Monthly, "毎月末", DueDateRule.MonthEnd)]
    [InlineData(TaskFrequency.Monthly, "毎月15日", DueDateRule.DayOfMonth)]
    [InlineData(TaskFrequency.Monthly, "毎月25日", DueDateRule.DayOfMonth)]
    [InlineData(TaskFrequency.Monthly, "毎月20日締め・25日支給", DueDateRule.DayOfMonth)]
    [InlineData(TaskFrequency.Monthly, "翌月10日", DueDateRule.DayOfMonth)]
    [InlineData(TaskFrequency.Monthly, "取締役会の翌週", DueDateRule.None)]
    [InlineData(TaskFrequency.Monthly, "第2火曜日の翌週", DueDateRule.None)]
    [InlineData(TaskFrequency.Quarterly, "四半期末", DueDateRule.QuarterEnd)]
    [InlineData(TaskFrequency.Quarterly, "四半期初", DueDateRule.QuarterStart)]
    [InlineData(TaskFrequency.Quarterly, "四半期ごと", DueDateRule.QuarterStart)]
    [InlineData(TaskFrequency.Quarterly, "4月・10月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Quarterly, "決算発表日", DueDateRule.None)]
    [InlineData(TaskFrequency.Quarterly, "随時", DueDateRule.None)]
    [InlineData(TaskFrequency.Yearly, "1月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "2月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "3月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "4月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "5月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "6月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "7月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "9月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "10月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "11月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "2月〜3月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "3月〜6月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "4月〜5月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "5月〜6月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "6月〜7月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "8月〜10月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "9月〜11月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "11月〜1月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "6月・12月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "更新月", DueDateRule.None)]
    [InlineData(TaskFrequency.Yearly, "更新月の2か月前", DueDateRule.None)]
    [InlineData(TaskFrequency.Yearly, "期限の1か月前", DueDateRule.None)]
    [InlineData(TaskFrequency.Yearly, "期限の3か月前", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "依頼の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "入社から5日以内", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "入社の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "入社・更新の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "入退去の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "入退社の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "出展の2か月前", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "出荷の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "受領の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "変更の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "応募の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "改定の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "故障の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "新規取引の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "申出の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "申請の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "発生の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "発生時", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "発表の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "締結の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "該当月の翌々月", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "退職から5日以内", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "退職の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "退職日当日", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "通報の都度", DueDateRule.None)]
    [InlineData(TaskFrequency.AsNeeded, "障害発生時", DueDateRule.None)]
    public void From_SampleTiming_ReadsItsRule(TaskFrequency frequency, string timing, DueDateRule expected)
    {
        var schedule = TaskSchedule.From(frequency, timing);

        Assert.Equal(expected, schedule.Rule);
        Assert.Equal(expected != DueDateRule.None, schedule.IsComputable);
        Assert.Equal(schedule.IsComputable, schedule.NextOnOrAfter(new DateOnly(2026, 4, 1)) is not null);
    }

    [Theory]
    [InlineData(TaskFrequency.Monthly, "毎月末日", DueDateRule.MonthEnd)]
    [InlineData(TaskFrequency.Monthly, "月末", DueDateRule.MonthEnd)]
    [InlineData(TaskFrequency.Monthly, "毎月最終営業日", DueDateRule.MonthEnd)]
    [InlineData(TaskFrequency.Monthly, "月初", DueDateRule.MonthStart)]
    [InlineData(TaskFrequency.Monthly, "毎月1日", DueDateRule.DayOfMonth)]
    [InlineData(TaskFrequency.Monthly, "第3営業日", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "翌月第5営業日まで", DueDateRule.NthBusinessDay)]
    [InlineData(TaskFrequency.Monthly, "毎月第３営業日", DueDateRule.NthBusinessDay)] // full-width digit
    [InlineData(TaskFrequency.Monthly, " 毎月 ２５日 ", DueDateRule.DayOfMonth)]   // full-width digits and spaces
    [InlineData(TaskFrequency.Weekly, "月曜日", DueDateRule.Weekday)]
    [InlineData(TaskFrequency.Weekly, "毎週水曜", DueDateRule.Weekday)]
    [InlineData(TaskFrequency.Quarterly, "各四半期末", DueDateRule.QuarterEnd)]
    [InlineData(TaskFrequency.Yearly, "毎年4月", DueDateRule.MonthsStart)]
    [InlineData(TaskFrequency.Yearly, "11月～1月", DueDateRule.MonthsStart)] // full-width tilde
    [InlineData(TaskFrequency.Yearly, "3月から6月", DueDateRule.MonthsStart)]
    public void From_CommonVariant_ReadsTheSameRule(TaskFrequency frequency, string timing, DueDateRule expected) =>
        Assert.Equal(expected, TaskSchedule.From(frequency, timing).Rule);

    [Theory]
    [InlineData(TaskFrequency.Monthly, "毎月0日")]
    [InlineData(TaskFrequency.Monthly, "毎月32日")]
    [InlineData(TaskFrequency.Monthly, "毎月第0営業日")]
    [InlineData(TaskFrequency.Yearly, "13月")]
    [InlineData(TaskFrequency.Yearly, "11月〜13月")]
    [InlineData(TaskFrequency.Quarterly, "4月・0月")]
    [InlineData(TaskFrequency.Weekly, "随時")]
    [InlineData(TaskFrequency.Monthly, "")]
    [InlineData(TaskFrequency.Monthly, "4月")]       // a month is a yearly or quarterly timing, not a monthly one
    [InlineData(TaskFrequency.Yearly, "毎月末")]     // and the other way round
    [InlineData(TaskFrequency.AsNeeded, "毎月末")]   // 随時 never has a due date
    public void From_UnreadableOrMismatchedTiming_IsNotComputable(TaskFrequency frequency, string timing)
    {
        var schedule = TaskSchedule.From(frequency, timing);

        Assert.False(schedule.IsComputable);
        Assert.Null(schedule.NextOnOrAfter(new DateOnly(2026, 4, 1)));
    }

    [Theory]
    // Daily: the next business day, whatever the timing says.
    [InlineData(TaskFrequency.Daily, "毎営業日", "2026-05-02", "2026-05-07")]
    [InlineData(TaskFrequency.Daily, "毎朝9時", "2026-05-07", "2026-05-07")]
    [InlineData(TaskFrequency.Daily, "随時", "2026-09-19", "2026-09-24")]
    // Weekly: a Monday holiday moves the task to the next business day, and it is still due on the days between.
    [InlineData(TaskFrequency.Weekly, "毎週月曜日", "2026-09-19", "2026-09-24")]
    [InlineData(TaskFrequency.Weekly, "毎週月曜日", "2026-09-22", "2026-09-24")]
    [InlineData(TaskFrequency.Weekly, "毎週月曜日", "2026-09-25", "2026-09-28")]
    [InlineData(TaskFrequency.Weekly, "毎週火曜日", "2026-05-06", "2026-05-07")]
    [InlineData(TaskFrequency.Weekly, "毎週水曜日", "2026-05-06", "2026-05-07")]
    [InlineData(TaskFrequency.Weekly, "毎週金曜日", "2026-05-01", "2026-05-01")]
    [InlineData(TaskFrequency.Weekly, "毎週木曜日", "2026-12-31", "2026-12-31")]
    // Monthly, Nth business day, month start and end.
    [InlineData(TaskFrequency.Monthly, "毎月第5営業日", "2026-12-01", "2026-12-07")]
    [InlineData(TaskFrequency.Monthly, "毎月第5営業日", "2026-05-08", "2026-05-12")]
    [InlineData(TaskFrequency.Monthly, "毎月第5営業日", "2026-05-13", "2026-06-05")]
    [InlineData(TaskFrequency.Monthly, "毎月第10営業日", "2026-09-01", "2026-09-14")]
    [InlineData(TaskFrequency.Monthly, "毎月第1営業日", "2026-12-02", "2027-01-04")]
    [InlineData(TaskFrequency.Monthly, "毎月初", "2026-12-02", "2027-01-04")]
    [InlineData(TaskFrequency.Monthly, "毎月末", "2026-05-01", "2026-05-29")]
    [InlineData(TaskFrequency.Monthly, "毎月末", "2026-05-30", "2026-06-30")]
    // Monthly, day D: moved back to the business day before, clamped to short months.
    [InlineData(TaskFrequency.Monthly, "毎月25日", "2026-04-01", "2026-04-24")]
    [InlineData(TaskFrequency.Monthly, "毎月25日", "2026-04-25", "2026-05-25")]
    [InlineData(TaskFrequency.Monthly, "毎月20日締め・25日支給", "2026-10-01", "2026-10-23")]
    [InlineData(TaskFrequency.Monthly, "翌月10日", "2026-01-01", "2026-01-09")]
    [InlineData(TaskFrequency.Monthly, "毎月15日", "2026-11-01", "2026-11-13")]
    [InlineData(TaskFrequency.Monthly, "毎月31日", "2026-02-01", "2026-02-27")]
    [InlineData(TaskFrequency.Monthly, "毎月31日", "2028-02-01", "2028-02-29")]
    [InlineData(TaskFrequency.Monthly, "毎月23日", "2026-09-01", "2026-09-18")] // 秋分, 国民の休日, 敬老の日, weekend
    [InlineData(TaskFrequency.Monthly, "毎月6日", "2026-05-01", "2026-05-01")]  // back over Golden Week
    [InlineData(TaskFrequency.Monthly, "毎月1日", "2026-12-15", "2026-12-31")] // January's 元日 falls back into December
    [InlineData(TaskFrequency.Monthly, "毎月1日", "2027-01-01", "2027-02-01")]
    // Quarterly.
    [InlineData(TaskFrequency.Quarterly, "四半期末", "2026-04-01", "2026-06-30")]
    [InlineData(TaskFrequency.Quarterly, "四半期末", "2026-10-01", "2026-12-31")]
    [InlineData(TaskFrequency.Quarterly, "四半期末", "2027-01-01", "2027-03-31")]
    [InlineData(TaskFrequency.Quarterly, "四半期初", "2026-10-02", "2027-01-04")]
    [InlineData(TaskFrequency.Quarterly, "四半期ごと", "2026-05-01", "2026-07-01")]
    [InlineData(TaskFrequency.Quarterly, "4月・10月", "2026-04-02", "2026-10-01")]
    [InlineData(TaskFrequency.Quarterly, "4月・10月", "2026-10-02", "2027-04-01")]
    // Yearly: the first business day of each month named, or of the month a span starts.
    [InlineData(TaskFrequency.Yearly, "11月〜1月", "2026-06-01", "2026-11-02")]
    [InlineData(TaskFrequency.Yearly, "11月〜1月", "2026-11-03", "2027-11-01")]
    [InlineData(TaskFrequency.Yearly, "6月・12月", "2026-06-02", "2026-12-01")]
    [InlineData(TaskFrequency.Yearly, "6月・12月", "2026-12-02", "2027-06-01")]
    [InlineData(TaskFrequency.Yearly, "1月", "2026-01-05", "2027-01-04")]
    [InlineData(TaskFrequency.Yearly, "5月", "2027-01-01", "2027-05-06")]
    [InlineData(TaskFrequency.Yearly, "10月", "2026-10-01", "2026-10-01")]
    public void NextOnOrAfter_Timing_GivesTheDueDate(TaskFrequency frequency, string timing, string from, string expected) =>
        Assert.Equal(Day(expected), TaskSchedule.From(frequency, timing).NextOnOrAfter(Day(from)));

    [Fact]
    public void NextOnOrAfter_EveryDayOfTwoYears_IsOnOrAfterAndABusinessDay()
    {
        string[] timings = ["毎月第5営業日", "毎月末", "毎月初", "毎月1日", "毎月31日", "毎月20日締め・25日支給"];
        var schedules = timings.Select(timing => TaskSchedule.From(TaskFrequency.Monthly, timing))
            .Append(TaskSchedule.From(TaskFrequency.Weekly, "毎週月曜日"))
            .Append(TaskSchedule.From(TaskFrequency.Quarterly, "四半期末"))
            .Append(TaskSchedule.From(TaskFrequency.Yearly, "11月〜1月"))
            .ToList();

        for (var day = new DateOnly(2025, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            foreach (var schedule in schedules)
            {
                var due = schedule.NextOnOrAfter(day)!.Value;

                Assert.True(due >= day, $"{schedule.Rule} from {day}: {due}");
                Assert.True(BusinessCalendar.IsBusinessDay(due), $"{schedule.Rule} from {day}: {due}");
                Assert.True(due.DayNumber - day.DayNumber <= 366, $"{schedule.Rule} from {day}: {due}");
            }
        }
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
