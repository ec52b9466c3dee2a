namespace Manuals.Core.Audit;

/// <summary>Which entries to list; every part is optional and they combine with AND.</summary>
/// <param name="ActorUserId">Only entries by this user.</param>
/// <param name="Action">Only this <see cref="AuditAction"/>.</param>
/// <param name="From">Only entries at or after this instant.</param>
/// <param name="Until">Only entries before this instant (exclusive).</param>
public sealed record AuditFilter(long? ActorUserId = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? Until = null)
{
    public static AuditFilter None { get; } = new();

    /// <summary>
    /// The filter for whole days in <paramref name="zone"/>: from the start of <paramref name="fromDay"/> to the end of
    /// <paramref name="toDay"/>, both inclusive.
    /// </summary>
    public static AuditFilter ForDays(long? actorUserId, string? action, DateOnly? fromDay, DateOnly? toDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new AuditFilter(
            actorUserId,
            action,
            fromDay is { } from ? StartOf(from, zone) : null,
            toDay is { } to ? StartOf(to.AddDays(1), zone) : null);
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
