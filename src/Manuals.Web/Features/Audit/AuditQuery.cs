namespace Manuals.Web.Features.Audit;

/// <summary>The audit page's filters and paging cursor, as the query string carries them.</summary>
public sealed class AuditQuery
{
    /// <summary>Only entries by this user (id).</summary>
    public long? Person { get; set; }

    /// <summary>Only this action (<see cref="Core.Audit.AuditAction"/>).</summary>
    public string? Action { get; set; }

    /// <summary>From this day (Japan time), inclusive.</summary>
    public DateOnly? From { get; set; }

    /// <summary>To this day (Japan time), inclusive.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Entries older than this id (「さらに古い記録」).</summary>
    public long? Before { get; set; }

    /// <summary>Entries newer than this id (「新しい記録へ」).</summary>
    public long? After { get; set; }
}
