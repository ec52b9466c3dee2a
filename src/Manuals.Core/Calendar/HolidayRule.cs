namespace Manuals.Core.Calendar;

/// <summary>
/// One 国民の祝日 as the law defines it: its name, the years the definition is in force, and where it falls in a year.
/// A law change ends a row (<paramref name="ToYear"/>) and starts a new one, so every year keeps the rule it had.
/// </summary>
internal sealed record HolidayRule(string Name, int FromYear, int ToYear, Func<int, DateOnly> DateIn)
{
    public bool AppliesTo(int year) => year >= FromYear && year <= ToYear;

    /// <summary>A fixed month and day, e.g. 元日 1月1日.</summary>
    public static HolidayRule Fixed(
        string name, int month, int day, int from = JapaneseHolidays.MinYear, int to = JapaneseHolidays.MaxYear) =>
        new(name, from, to, year => new DateOnly(year, month, day));

    /// <summary>The <paramref name="nth"/> Monday of a month (ハッピーマンデー), e.g. 成人の日 1月第2月曜日.</summary>
    public static HolidayRule Monday(
        string name, int month, int nth, int from = JapaneseHolidays.MinYear, int to = JapaneseHolidays.MaxYear) =>
        new(name, from, to, year =>
        {
            var first = new DateOnly(year, month, 1);
            var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
            return first.AddDays(toMonday + (7 * (nth - 1)));
        });

    /// <summary>
    /// 春分の日 or 秋分の日 by the standard approximation, valid 1980–2099:
    /// floor(<paramref name="constant"/> + 0.242194 × (y − 1980) − floor((y − 1980) / 4)).
    /// The law names the equinox day itself; 国立天文台 announces it in the 官報 each February for the next year, and the
    /// formula agrees with every date announced so far (2000–2027 checked).
    /// </summary>
    public static HolidayRule Equinox(string name, int month, decimal constant) =>
        new(name, JapaneseHolidays.MinYear, JapaneseHolidays.MaxYear, year =>
        {
            var sinceEpoch = year - 1980;
            var day = (int)decimal.Floor(constant + (0.242194m * sinceEpoch) - (sinceEpoch / 4));
            return new DateOnly(year, month, day);
        });

    /// <summary>A day set by a one-off law (2019 enthronement, the Olympic years' moved holidays).</summary>
    public static HolidayRule Once(string name, int year, int month, int day) =>
        new(name, year, year, _ => new DateOnly(year, month, day));
}
