using System.Globalization;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Shared;

/// <summary>Shows stored UTC instants in the configured time zone (Asia/Tokyo by default).</summary>
public sealed class TimeDisplay
{
    private readonly TimeZoneInfo _zone;

    public TimeDisplay(IOptions<ManualsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    /// <summary>The configured time zone (dates typed into filters are days in it).</summary>
    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>e.g. 2026/11/21 16:50.</summary>
    public string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Machine-readable form for &lt;time datetime=…&gt;.</summary>
    public string Iso(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
