using System.Globalization;

namespace Manuals.Web.Features.Handovers;

/// <summary>How handover pages and the printed sheet write dates: 2026/12/08(火) in Japanese, with the weekday because due dates are planned by it.</summary>
public static class HandoverText
{
    public static string Day(DateOnly date) => date.ToString("yyyy/MM/dd(ddd)", CultureInfo.CurrentCulture);

    public static string Day(DateOnly? date) => date is { } value ? Day(value) : "";

    /// <summary>The value of a <c>type=date</c> input.</summary>
    public static string Input(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
