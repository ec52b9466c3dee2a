namespace Manuals.Core.Calendar;

/// <summary>
/// Business days (営業日): Monday to Friday unless the day is a Japanese public holiday (<see cref="JapaneseHolidays"/>).
/// Company holidays such as 年末年始 or 夏季休暇 are not business-day exceptions here. Every method looks at public
/// holidays, so it throws <see cref="ArgumentOutOfRangeException"/> when it would need a year outside
/// <see cref="JapaneseHolidays.MinYear"/>–<see cref="JapaneseHolidays.MaxYear"/>.
/// </summary>
public static class BusinessCalendar
{
    /// <summary>Whether <paramref name="date"/> is a weekday that is not a public holiday.</summary>
    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !JapaneseHolidays.IsHoliday(date);

    /// <summary><paramref name="date"/> when it is a business day, otherwise the first business day after it.</summary>
    public static DateOnly NextOnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary><paramref name="date"/> when it is a business day, otherwise the last business day before it.</summary>
    public static DateOnly PreviousOnOrBefore(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// The business day <paramref name="days"/> business days after <paramref name="from"/> (a 期限 of N営業日): with 0,
    /// <paramref name="from"/> itself when it is a business day, otherwise the next one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static DateOnly AddBusinessDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = NextOnOrAfter(from);
        for (var count = 0; count < days; count++)
        {
            day = NextOnOrAfter(day.AddDays(1));
        }

        return day;
    }

    /// <summary>The first business day of the month (月初).</summary>
    public static DateOnly FirstBusinessDayOfMonth(int year, int month) => NextOnOrAfter(new DateOnly(year, month, 1));

    /// <summary>The last business day of the month (月末, 最終営業日).</summary>
    public static DateOnly LastBusinessDayOfMonth(int year, int month) =>
        PreviousOnOrBefore(new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    /// <summary>
    /// The <paramref name="n"/>th business day of the month (第N営業日), counting the first business day as 1. When the
    /// month has fewer than <paramref name="n"/> business days, the month's last business day: the task is still due
    /// within that month.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static DateOnly NthBusinessDayOfMonth(int year, int month, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);

        var last = LastBusinessDayOfMonth(year, month);
        var day = FirstBusinessDayOfMonth(year, month);
        for (var count = 1; count < n && day < last; count++)
        {
            day = NextOnOrAfter(day.AddDays(1));
        }

        return day;
    }
}
