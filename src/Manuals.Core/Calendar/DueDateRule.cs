namespace Manuals.Core.Calendar;

/// <summary>
/// The rule a <see cref="TaskSchedule"/> read from a task's timing (時期), so a page can say how it got the due date.
/// Dates that fall on a weekend or a public holiday move as each value says.
/// </summary>
public enum DueDateRule
{
    /// <summary>No due date: 随時, or a timing the schedule cannot read (取締役会の翌週, 決算発表日, 期限の3か月前).</summary>
    None,

    /// <summary>毎日: every business day.</summary>
    EveryBusinessDay,

    /// <summary>毎週X曜日: that weekday, or the next business day when it is a holiday (or a weekend).</summary>
    Weekday,

    /// <summary>毎月第N営業日: the Nth business day of every month (the last one when the month has fewer).</summary>
    NthBusinessDay,

    /// <summary>毎月初: the first business day of every month.</summary>
    MonthStart,

    /// <summary>毎月末: the last business day of every month.</summary>
    MonthEnd,

    /// <summary>
    /// 毎月D日: day D of every month (the month's last day when it is shorter), or the business day before when that
    /// day is not one, as a payday or a payment date moves.
    /// </summary>
    DayOfMonth,

    /// <summary>四半期末: the last business day of March, June, September and December.</summary>
    QuarterEnd,

    /// <summary>四半期初・四半期ごと: the first business day of April, July, October and January.</summary>
    QuarterStart,

    /// <summary>4月・10月, 6月, 11月〜1月: the first business day of each month named, or of the first month of a span.</summary>
    MonthsStart,
}
