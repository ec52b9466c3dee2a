using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Manuals.Core.Calendar;

/// <summary>
/// Japan's public holidays, computed from the rules of 国民の祝日に関する法律 and the one-off laws of 2019–2021 rather
/// than read from a list of dates: the 国民の祝日 of Article 2, 振替休日 and 国民の休日 of Article 3. Supported years are
/// <see cref="MinYear"/>–<see cref="MaxYear"/>: before 2000 the ハッピーマンデー rules did not yet apply, and after
/// 2099 the equinox approximation is no longer valid. Each year is computed once and cached.
/// </summary>
public static class JapaneseHolidays
{
    /// <summary>The first year whose holidays are computed.</summary>
    public const int MinYear = 2000;

    /// <summary>The last year whose holidays are computed.</summary>
    public const int MaxYear = 2099;

    private const string SubstituteHoliday = "振替休日";
    private const string CitizensHoliday = "国民の休日";

    // Article 2 of the law (国民の祝日) and the special laws that moved or added one. A law change ends the old row with
    // `to:` and adds a row from its first year; a one-off day is a `Once` row. README.md lists the law behind each row.
    private static readonly HolidayRule[] Rules =
    [
        HolidayRule.Fixed("元日", 1, 1),
        HolidayRule.Monday("成人の日", 1, 2),
        HolidayRule.Fixed("建国記念の日", 2, 11),
        HolidayRule.Fixed("天皇誕生日", 2, 23, from: 2020),
        HolidayRule.Equinox("春分の日", 3, 20.8431m),
        HolidayRule.Fixed("みどりの日", 4, 29, to: 2006),
        HolidayRule.Fixed("昭和の日", 4, 29, from: 2007),
        HolidayRule.Fixed("憲法記念日", 5, 3),
        HolidayRule.Fixed("みどりの日", 5, 4, from: 2007),
        HolidayRule.Fixed("こどもの日", 5, 5),
        HolidayRule.Fixed("海の日", 7, 20, to: 2002),
        HolidayRule.Monday("海の日", 7, 3, from: 2003, to: 2019),
        HolidayRule.Monday("海の日", 7, 3, from: 2022),
        HolidayRule.Fixed("山の日", 8, 11, from: 2016, to: 2019),
        HolidayRule.Fixed("山の日", 8, 11, from: 2022),
        HolidayRule.Fixed("敬老の日", 9, 15, to: 2002),
        HolidayRule.Monday("敬老の日", 9, 3, from: 2003),
        HolidayRule.Equinox("秋分の日", 9, 23.2488m),
        HolidayRule.Monday("体育の日", 10, 2, to: 2019),
        HolidayRule.Monday("スポーツの日", 10, 2, from: 2022),
        HolidayRule.Fixed("文化の日", 11, 3),
        HolidayRule.Fixed("勤労感謝の日", 11, 23),
        HolidayRule.Fixed("天皇誕生日", 12, 23, to: 2018),

        // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (2018): both days count as 国民の祝日, which is what
        // makes 4/30 and 5/2 国民の休日.
        HolidayRule.Once("即位の日", 2019, 5, 1),
        HolidayRule.Once("即位礼正殿の儀", 2019, 10, 22),

        // 東京オリンピック競技大会・東京パラリンピック競技大会特別措置法 (2018; amended 2020 for the postponement).
        HolidayRule.Once("海の日", 2020, 7, 23),
        HolidayRule.Once("スポーツの日", 2020, 7, 24),
        HolidayRule.Once("山の日", 2020, 8, 10),
        HolidayRule.Once("海の日", 2021, 7, 22),
        HolidayRule.Once("スポーツの日", 2021, 7, 23),
        HolidayRule.Once("山の日", 2021, 8, 8),
    ];

    private static readonly ConcurrentDictionary<int, HolidayYear> Years = new();

    /// <summary>Whether <paramref name="date"/> is a public holiday (weekends are not holidays by themselves).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>The holiday's Japanese name (「春分の日」, 「振替休日」, 「国民の休日」), or null on an ordinary day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static string? NameOf(DateOnly date) => YearOf(date.Year, date, nameof(date)).Names.GetValueOrDefault(date);

    /// <summary>Every public holiday of <paramref name="year"/>, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static IReadOnlyList<Holiday> InYear(int year) => YearOf(year, year, nameof(year)).Holidays;

    private static HolidayYear YearOf(int year, object actualValue, string paramName)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                paramName, actualValue, $"Japanese public holidays are computed for {MinYear}–{MaxYear} only.");
        }

        return Years.GetOrAdd(year, Compute);
    }

    private static HolidayYear Compute(int year)
    {
        var days = new SortedDictionary<DateOnly, string>();
        foreach (var rule in Rules.Where(rule => rule.AppliesTo(year)))
        {
            // Add, not TryAdd: two 国民の祝日 on one date would be a mistake in the table above.
            days.Add(rule.DateIn(year), rule.Name);
        }

        var statutory = days.Keys.ToHashSet();

        // Article 3(2): a 国民の祝日 on a Sunday makes the nearest following day that is not a 国民の祝日 a holiday.
        // (Before 2007 it was simply the Monday; in 2000–2006 that Monday was never a 国民の祝日, so both agree.)
        foreach (var sunday in statutory.Where(day => day.DayOfWeek == DayOfWeek.Sunday))
        {
            var substitute = sunday.AddDays(1);
            while (statutory.Contains(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            days.Add(substitute, SubstituteHoliday);
        }

        // Article 3(3): a day between two 国民の祝日 that is not one itself. The law before 2007 left out Sundays and
        // 振替休日 (2003-05-04 was a plain Sunday); since 2007 no such day can fall on a Sunday, so one rule serves both.
        foreach (var holiday in statutory)
        {
            var between = holiday.AddDays(1);
            if (!statutory.Contains(between) && statutory.Contains(between.AddDays(1)) && between.DayOfWeek != DayOfWeek.Sunday)
            {
                days.TryAdd(between, CitizensHoliday);
            }
        }

        return new HolidayYear(
            new ReadOnlyCollection<Holiday>([.. days.Select(day => new Holiday(day.Key, day.Value))]),
            days.ToFrozenDictionary());
    }

    private sealed record HolidayYear(IReadOnlyList<Holiday> Holidays, FrozenDictionary<DateOnly, string> Names);
}
