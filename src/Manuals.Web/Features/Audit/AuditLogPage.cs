using Manuals.Core.Accounts;
using Manuals.Core.Audit;

namespace Manuals.Web.Features.Audit;

/// <summary>What the audit page shows: the filters, one page of entries and the links to the pages beside it.</summary>
/// <param name="Query">The filters as given.</param>
/// <param name="People">Everyone who can be chosen as the person.</param>
/// <param name="Entries">The page's entries, newest first (empty when the filters could not be read).</param>
/// <param name="OlderUrl">「さらに古い記録」, or null at the oldest page.</param>
/// <param name="NewerUrl">「新しい記録へ」, or null at the newest page.</param>
/// <param name="ExportUrl">The CSV of every entry the filters select.</param>
public sealed record AuditLogPage(
    AuditQuery Query,
    IReadOnlyList<UserSummary> People,
    IReadOnlyList<AuditEntry> Entries,
    string? OlderUrl,
    string? NewerUrl,
    string ExportUrl);
