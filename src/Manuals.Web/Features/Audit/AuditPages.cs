using System.Globalization;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Coverage.Csv;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Audit;

/// <summary>Builds the admin audit page and writes its CSV export: filters to Japan-time days, keyset paging, labels.</summary>
public sealed class AuditPages(IAuditLog log, IAccountDirectory accounts, TimeDisplay time, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const string PagePath = "/admin/audit";
    private const string ExportPath = "/admin/audit.csv";
    private const int ExportBatchRows = 500;

    /// <summary>The page; with <paramref name="valid"/> false (a filter could not be read) the form only, with no entries.</summary>
    public async Task<AuditLogPage> ListAsync(AuditQuery query, bool valid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var people = (await accounts.ListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .ThenBy(u => u.Id)
            .ToList();
        if (!valid)
        {
            return new AuditLogPage(query, people, [], null, null, Url(ExportPath, query, null, null));
        }

        var page = await log.ListAsync(Filter(query), new AuditPageRequest(query.Before, query.After), cancellationToken);
        return new AuditLogPage(
            query,
            people,
            page.Entries,
            page.HasOlder ? Url(PagePath, query, page.Entries[^1].Id, null) : null,
            page.HasNewer ? Url(PagePath, query, null, page.Entries[0].Id) : null,
            Url(ExportPath, query, null, null));
    }

    /// <summary>The export's file name, with today's date in Japan time: <c>audit-log-20261121.csv</c>.</summary>
    public string ExportFileName() =>
        $"audit-log-{time.ToLocal(clock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";

    /// <summary>
    /// Writes every entry the filters select, newest first (at most <see cref="AuditLimits.ExportMaxRows"/>), as the
    /// coverage exports do: UTF-8 with a BOM, Japanese headers, no cell Excel would run as a formula. Written a batch at
    /// a time, so a large log is never held in memory.
    /// </summary>
    public async Task WriteCsvAsync(AuditQuery query, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(CsvText.ExportEncoding.GetPreamble(), cancellationToken);
        var writer = new CsvWriter().Row(
            l["Audit.Column.OccurredAt"].Value,
            l["Audit.Column.Actor"].Value,
            l["Audit.Column.ActorId"].Value,
            l["Audit.Column.Action"].Value,
            l["Audit.Column.Outcome"].Value,
            l["Audit.Column.Method"].Value,
            l["Audit.Column.TargetType"].Value,
            l["Audit.Column.TargetId"].Value,
            l["Audit.Column.Target"].Value,
            l["Audit.Column.Detail"].Value,
            l["Audit.Column.ClientAddress"].Value);
        var rows = 0;
        await foreach (var entry in log.ExportAsync(Filter(query), AuditLimits.ExportMaxRows, cancellationToken))
        {
            writer.Row(
                Time(entry.OccurredAt),
                entry.ActorName,
                entry.ActorUserId?.ToString(CultureInfo.InvariantCulture),
                ActionLabel(entry.Action),
                OutcomeLabel(entry.Outcome),
                MethodLabel(entry.Method),
                TargetTypeLabel(entry.TargetType),
                entry.TargetId,
                entry.TargetName,
                entry.Detail,
                entry.ClientAddress);
            if (++rows % ExportBatchRows == 0)
            {
                await FlushAsync(writer, output, cancellationToken);
                writer = new CsvWriter();
            }
        }

        await FlushAsync(writer, output, cancellationToken);
    }

    /// <summary>An entry's time in Japan time, to the second: 2026/11/21 16:50:05.</summary>
    public string Time(DateTimeOffset instant) => time.ToLocal(instant).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    public string ActionLabel(string action) => Label("Audit.Action.", action);

    public string OutcomeLabel(AuditOutcome outcome) => l[$"Audit.Outcome.{outcome}"].Value;

    public string MethodLabel(string? method) => method is null ? "" : Label("Audit.Method.", method);

    public string TargetTypeLabel(string? type) => type is null ? "" : Label("Audit.Target.", type);

    private string Label(string prefix, string value)
    {
        var text = l[prefix + value];
        return text.ResourceNotFound ? value : text.Value;
    }

    private AuditFilter Filter(AuditQuery query) =>
        AuditFilter.ForDays(query.Person, string.IsNullOrEmpty(query.Action) ? null : query.Action, query.From, query.To, time.Zone);

    private static async Task FlushAsync(CsvWriter writer, Stream output, CancellationToken cancellationToken) =>
        await output.WriteAsync(CsvText.ExportEncoding.GetBytes(writer.ToString()), cancellationToken);

    private static string Url(string path, AuditQuery query, long? before, long? after)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (query.Person is { } person)
        {
            parameters.Add(new("person", person.ToString(CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            parameters.Add(new("action", query.Action));
        }

        if (query.From is { } from)
        {
            parameters.Add(new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (query.To is { } to)
        {
            parameters.Add(new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (before is { } b)
        {
            parameters.Add(new("before", b.ToString(CultureInfo.InvariantCulture)));
        }

        if (after is { } a)
        {
            parameters.Add(new("after", a.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(path, parameters);
    }
}
