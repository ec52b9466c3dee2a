namespace Manuals.Core.Audit;

/// <summary>
/// The audit log: append-only. There is no update or delete here, and the database itself refuses UPDATE and DELETE on
/// the table, so an entry, once written, stays as written.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one entry (its <see cref="AuditEntry.Id"/> is ignored) and returns the new id. Long names and details are cut to <see cref="AuditLimits"/>.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>One page of the entries <paramref name="filter"/> selects, newest first.</summary>
    Task<AuditPage> ListAsync(AuditFilter filter, AuditPageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Every entry <paramref name="filter"/> selects, newest first, at most <paramref name="maxRows"/>, read a page at
    /// a time so an export of a large log never holds it all in memory.
    /// </summary>
    IAsyncEnumerable<AuditEntry> ExportAsync(AuditFilter filter, int maxRows, CancellationToken cancellationToken);
}
