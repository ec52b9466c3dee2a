namespace Manuals.Core.Audit;

/// <summary>
/// Which page of a filtered log: the newest <see cref="Size"/> entries, or those just older than
/// <see cref="Before"/>, or just newer than <see cref="After"/> (keyset paging on the entry id, so a page costs the
/// same at any depth and appends in between never shift it).
/// </summary>
public sealed record AuditPageRequest(long? Before = null, long? After = null, int Size = AuditLimits.PageSize);
