using Manuals.Core.Calendar;

namespace Manuals.Core.Common;

/// <summary>
/// The days a date typed into a form or read from a file may be: the years the business calendar knows
/// (<see cref="JapaneseHolidays.MinYear"/>–<see cref="JapaneseHolidays.MaxYear"/>). One range for every date field, checked
/// before anything computes with the date, so 0001-01-01 or 9999-12-31 is refused with a message instead of failing later.
/// </summary>
public static class InputDates
{
    public static DateOnly Min { get; } = new(JapaneseHolidays.MinYear, 1, 1);

    public static DateOnly Max { get; } = new(JapaneseHolidays.MaxYear, 12, 31);

    public static bool IsSupported(DateOnly date) => date >= Min && date <= Max;

    public static bool IsSupported(DateOnly? date) => date is not { } value || IsSupported(value);
}
