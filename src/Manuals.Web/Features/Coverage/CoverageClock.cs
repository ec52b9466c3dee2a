using Manuals.Core.Coverage;
using Manuals.Web.Shared;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Coverage;

/// <summary>The moment coverage is computed at: now, and today in the company's time zone (Asia/Tokyo by default).</summary>
public sealed class CoverageClock(TimeProvider clock, IOptions<ManualsOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public CoverageMoment Now() => CoverageMoment.At(clock.GetUtcNow(), _zone);
}
