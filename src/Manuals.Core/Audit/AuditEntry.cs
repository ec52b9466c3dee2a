namespace Manuals.Core.Audit;

/// <summary>
/// One row of the audit log: who did what to what, when, from where, and whether it worked. Names are copied in
/// (denormalised) so the entry still reads the same after the user or the target is renamed.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The row id, in the order entries were appended (0 before <see cref="IAuditLog.AppendAsync"/>).</summary>
    public long Id { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The acting user's id; null for the command line or a sign-in by an unknown user name.</summary>
    public long? ActorUserId { get; init; }

    /// <summary>The actor's display name at the time (or <see cref="AuditActors"/>' names).</summary>
    public string ActorName { get; init; } = "";

    /// <summary>One of <see cref="AuditAction"/>.</summary>
    public string Action { get; init; } = "";

    public AuditOutcome Outcome { get; init; } = AuditOutcome.Success;

    /// <summary>For sign-ins, one of <see cref="AuditMethod"/>; otherwise null.</summary>
    public string? Method { get; init; }

    /// <summary>One of <see cref="AuditTargetType"/>, or null when the action has no target.</summary>
    public string? TargetType { get; init; }

    public string? TargetId { get; init; }

    public string? TargetName { get; init; }

    /// <summary>A short description of the change (old → new values, counts, a reason). Never a password.</summary>
    public string? Detail { get; init; }

    /// <summary>The client's address as the app saw it (behind a trusted proxy, the forwarded one); null off the web.</summary>
    public string? ClientAddress { get; init; }
}
