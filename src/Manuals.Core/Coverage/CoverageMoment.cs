namespace Manuals.Core.Coverage;

/// <summary>
/// When coverage is computed: <see cref="Now"/> for manual review dates (instants), <see cref="Today"/> for employees'
/// transfer and leaving dates (calendar days in the company's time zone).
/// </summary>
public sealed record CoverageMoment(DateTimeOffset Now, DateOnly Today)
{
    public static CoverageMoment At(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new CoverageMoment(now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
    }
}
