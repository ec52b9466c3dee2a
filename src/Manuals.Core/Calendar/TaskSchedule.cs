using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Manuals.Core.Coverage;

namespace Manuals.Core.Calendar;

/// <summary>
/// A business task's due dates, read from its frequency (頻度) and its free-text timing (時期) as the task list holds
/// them: 「毎月第5営業日」, 「毎週月曜日」, 「四半期末」, 「11月〜1月」. The timing is normalised first (NFKC, so
/// full-width digits read as digits; spaces removed). Every daily task is due each business day whatever its timing
/// says; a timing this class cannot read, and every 随時 task, has no due date (<see cref="IsComputable"/> is false).
/// </summary>
public sealed partial class TaskSchedule
{
    private const int EveryMonth = 0b1_1111_1111_1110; // bit m set = month m (1–12)

    private static readonly TaskSchedule NotComputable = new(DueDateRule.None);

    // Which timings each frequency reads, tried in order; a match whose numbers are out of range is not computable.
    private static readonly Reading[] Readings =
    [
        new(TaskFrequency.Weekly, WeekdayPattern(), ReadWeekday),
        new(TaskFrequency.Monthly, NthBusinessDayPattern(), match => Numbered(DueDateRule.NthBusinessDay, match, 1, 99)),
        new(TaskFrequency.Monthly, MonthStartPattern(), _ => new(DueDateRule.MonthStart)),
        new(TaskFrequency.Monthly, MonthEndPattern(), _ => new(DueDateRule.MonthEnd)),
        new(TaskFrequency.Monthly, DayOfMonthPattern(), match => Numbered(DueDateRule.DayOfMonth, match, 1, 31)),
        new(TaskFrequency.Quarterly, QuarterEndPattern(), _ => new(DueDateRule.QuarterEnd, months: Months(3, 6, 9, 12))),
        new(TaskFrequency.Quarterly, QuarterStartPattern(), _ => new(DueDateRule.QuarterStart, months: Months(1, 4, 7, 10))),
        new(TaskFrequency.Quarterly, MonthListPattern(), ReadMonths),
        new(TaskFrequency.Yearly, MonthListPattern(), ReadMonths),
    ];

    private readonly int _number;
    private readonly DayOfWeek _weekday;
    private readonly int _months;

    private TaskSchedule(DueDateRule rule, int number = 0, DayOfWeek weekday = default, int months = EveryMonth)
    {
        Rule = rule;
        _number = number;
        _weekday = weekday;
        _months = months;
    }

    /// <summary>The rule read from the timing; <see cref="DueDateRule.None"/> when there is no due date.</summary>
    public DueDateRule Rule { get; }

    /// <summary>Whether the task has due dates: false for 随時 and for timings this class cannot read.</summary>
    public bool IsComputable => Rule != DueDateRule.None;

    /// <summary>Reads a task's frequency and timing (時期); never throws on unreadable text.</summary>
    public static TaskSchedule From(TaskFrequency frequency, string timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        if (frequency == TaskFrequency.Daily)
        {
            return new TaskSchedule(DueDateRule.EveryBusinessDay);
        }

        var text = string.Concat(timing.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
        foreach (var reading in Readings.Where(reading => reading.Frequency == frequency))
        {
            var match = reading.Pattern.Match(text);
            if (match.Success)
            {
                return reading.Read(match) ?? NotComputable;
            }
        }

        return NotComputable;
    }

    /// <summary>
    /// The first due date on or after <paramref name="from"/>; null when <see cref="IsComputable"/> is false, or when
    /// finding it needs a year outside those <see cref="JapaneseHolidays"/> supports (a date near 2000-01-01 or
    /// 2099-12-31: the business days there are not known, so there is no due date to show rather than an error).
    /// </summary>
    public DateOnly? NextOnOrAfter(DateOnly from)
    {
        try
        {
            return Rule switch
            {
                DueDateRule.None => null,
                DueDateRule.EveryBusinessDay => BusinessCalendar.NextOnOrAfter(from),
                DueDateRule.Weekday => NextWeekday(from),
                _ => NextInMonths(from),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private DateOnly NextWeekday(DateOnly from)
    {
        // This week's weekday may lie before `from` and still be due on or after it, moved past a holiday.
        var daysBack = ((int)from.DayOfWeek - (int)_weekday + 7) % 7;
        var due = BusinessCalendar.NextOnOrAfter(from.AddDays(-daysBack));
        return due >= from ? due : BusinessCalendar.NextOnOrAfter(from.AddDays(7 - daysBack));
    }

    private DateOnly NextInMonths(DateOnly from)
    {
        // Due dates increase month by month, so the first one on or after `from` is the answer. Starting in `from`'s
        // month and looking 12 months ahead always reaches one, even for a single month a year.
        var month = new DateOnly(from.Year, from.Month, 1);
        for (var i = 0; i <= 12; i++, month = month.AddMonths(1))
        {
            if ((_months & (1 << month.Month)) != 0 && DueIn(month.Year, month.Month) is var due && due >= from)
            {
                return due;
            }
        }

        throw new UnreachableException($"No due date within 12 months of {from:yyyy-MM-dd} for {Rule}.");
    }

    private DateOnly DueIn(int year, int month) => Rule switch
    {
        DueDateRule.NthBusinessDay => BusinessCalendar.NthBusinessDayOfMonth(year, month, _number),
        DueDateRule.MonthEnd or DueDateRule.QuarterEnd => BusinessCalendar.LastBusinessDayOfMonth(year, month),
        DueDateRule.DayOfMonth => BusinessCalendar.PreviousOnOrBefore(
            new DateOnly(year, month, Math.Min(_number, DateTime.DaysInMonth(year, month)))),
        _ => BusinessCalendar.FirstBusinessDayOfMonth(year, month),
    };

    private static TaskSchedule ReadWeekday(Match match) =>
        new(DueDateRule.Weekday, weekday: (DayOfWeek)"日月火水木金土".IndexOf(match.Groups["day"].Value, StringComparison.Ordinal));

    // The last number captured counts: 「毎月20日締め・25日支給」 is due on the 25th.
    private static TaskSchedule? Numbered(DueDateRule rule, Match match, int min, int max)
    {
        var number = int.Parse(match.Groups["n"].Captures[^1].Value, CultureInfo.InvariantCulture);
        return number >= min && number <= max ? new TaskSchedule(rule, number: number) : null;
    }

    // 「4月・10月」 names every month; 「11月〜1月」 is due when the span starts.
    private static TaskSchedule? ReadMonths(Match match)
    {
        var months = match.Groups["month"].Captures.Select(capture => int.Parse(capture.Value, CultureInfo.InvariantCulture)).ToList();
        if (match.Groups["end"].Success)
        {
            months.Add(int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture));
        }

        if (months.Any(month => month is < 1 or > 12))
        {
            return null;
        }

        var named = match.Groups["end"].Success ? months.Take(1) : months;
        return new TaskSchedule(DueDateRule.MonthsStart, months: Months([.. named]));
    }

    private static int Months(params int[] months) => months.Aggregate(0, (mask, month) => mask | (1 << month));

    // 毎週月曜日, 毎週月曜, 月曜日
    [GeneratedRegex("^(?:毎週)?(?<day>[月火水木金土日])曜日?$")]
    private static partial Regex WeekdayPattern();

    // 毎月第5営業日, 第3営業日, 翌月第5営業日まで
    [GeneratedRegex(@"^(?:毎月|翌月)?第(?<n>\d{1,2})営業日(?:まで)?$")]
    private static partial Regex NthBusinessDayPattern();

    // 毎月初, 毎月初め, 月初
    [GeneratedRegex("^(?:毎月|月)初め?(?:まで)?$")]
    private static partial Regex MonthStartPattern();

    // 毎月末, 毎月末日, 月末, 毎月最終営業日
    [GeneratedRegex("^(?:(?:毎月|月)末日?|(?:毎月)?最終営業日)(?:まで)?$")]
    private static partial Regex MonthEndPattern();

    // 毎月15日, 翌月10日, 毎月20日締め・25日支給
    [GeneratedRegex(@"^(?:毎月|翌月)?(?:(?<n>\d{1,2})日(?:締め?|支給|支払い?|払い|納付|まで)?[・、,/]?)+$")]
    private static partial Regex DayOfMonthPattern();

    // 四半期末, 各四半期末日, 四半期の末
    [GeneratedRegex("^各?四半期の?末日?(?:まで)?$")]
    private static partial Regex QuarterEndPattern();

    // 四半期初, 四半期初め, 四半期ごと, 各四半期毎
    [GeneratedRegex("^各?四半期の?(?:初め?|ごと|毎)$")]
    private static partial Regex QuarterStartPattern();

    // 4月, 4月・10月, 毎年6月・12月, 11月〜1月, 3月から6月
    [GeneratedRegex(@"^(?:毎年)?(?<month>\d{1,2})月(?:(?:[・、,](?<month>\d{1,2})月)*|(?:[〜~\-ー―]|から)(?<end>\d{1,2})月)(?:まで)?$")]
    private static partial Regex MonthListPattern();

    private sealed record Reading(TaskFrequency Frequency, Regex Pattern, Func<Match, TaskSchedule?> Read);
}
