namespace Manuals.Core.Audit;

/// <summary>One page of the log, newest first, and whether there are older or newer entries beyond it.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, bool HasOlder, bool HasNewer);
