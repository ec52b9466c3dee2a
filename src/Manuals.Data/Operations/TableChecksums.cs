using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Manuals.Data.Operations;

/// <summary>
/// Counts and checksums of every data table, the same on SQLite and PostgreSQL for the same data. A table's checksum is
/// the SHA-256 of its rows in primary-key order (text keys in byte order on both engines), each row its columns in name
/// order, each value in one canonical text form:
/// <list type="bullet">
/// <item>NULL → <c>~</c>; every other value → a kind letter, its length in UTF-8 bytes, <c>:</c> and the text.</item>
/// <item>Integers and booleans → <c>n</c> and the decimal (a boolean is 1 or 0, as SQLite stores it).</item>
/// <item>Instants (PostgreSQL <c>timestamptz</c>, and SQLite text in the UTC form <c>DateTimeOffsetHandler</c> writes) →
/// <c>t</c> and <c>yyyy-MM-ddTHH:mm:ss.ffffff+00:00</c>: microseconds, PostgreSQL's precision.</item>
/// <item>Other text → <c>t</c> and the text; blobs → <c>b</c> and lower-case hex; floating point → <c>r</c>, round-trip form.</item>
/// </list>
/// A backup's manifest, a restore's verification and the move to PostgreSQL all use it.
/// </summary>
public static partial class TableChecksums
{
    /// <summary>Summarises every table of <paramref name="tables"/> (or of the whole catalogue) as one reader sees it inside <paramref name="transaction"/>.</summary>
    public static async Task<IReadOnlyList<TableSummary>> SummarizeAsync(
        DbConnection connection,
        DbTransaction? transaction,
        IReadOnlyList<CatalogueTable>? tables,
        IProgress<OperationProgress>? progress,
        string step,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        tables ??= await TableCatalogue.ReadAsync(connection, transaction, cancellationToken);
        var summaries = new List<TableSummary>(tables.Count);
        foreach (var table in tables)
        {
            progress?.Report(new OperationProgress(step, table.Name, summaries.Count, tables.Count));
            summaries.Add(await SummarizeAsync(connection, transaction, table, cancellationToken));
        }

        progress?.Report(new OperationProgress(step, null, tables.Count, tables.Count));
        return summaries;
    }

    /// <summary>The tables whose counts or checksums differ between <paramref name="expected"/> and <paramref name="actual"/>, or that only one of them has.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<TableSummary> expected, IReadOnlyList<TableSummary> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var found = actual.ToDictionary(s => s.Table, StringComparer.Ordinal);
        var differences = expected
            .Where(e => !found.TryGetValue(e.Table, out var a) || a.Rows != e.Rows || a.Checksum != e.Checksum)
            .Select(e => found.TryGetValue(e.Table, out var a) ? $"{e.Table}: {e.Rows} → {a.Rows}" : $"{e.Table}: -")
            .ToList();
        var known = expected.Select(e => e.Table).ToHashSet(StringComparer.Ordinal);
        differences.AddRange(actual.Where(a => !known.Contains(a.Table)).Select(a => $"{a.Table}: - → {a.Rows}"));
        return differences;
    }

    /// <summary>One table's summary.</summary>
    public static async Task<TableSummary> SummarizeAsync(DbConnection connection, DbTransaction? transaction, CatalogueTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        var postgres = connection is NpgsqlConnection;
        var columns = table.Columns.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var order = table.PrimaryKey.Select(k =>
            postgres && table.Columns.First(c => c.Name == k).Type == "text" ? $"{Quote(k)} COLLATE \"C\"" : Quote(k));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        // Names come from the database's own catalogue, quoted; no value is interpolated.
#pragma warning disable CA2100
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", order)}";
#pragma warning restore CA2100
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0L;
        var line = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                AppendCanonical(line, reader.GetValue(i));
            }

            line.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
            rows++;
        }

        return new TableSummary(table.Name, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A name from the catalogue as an SQL identifier (both engines accept double quotes).</summary>
    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Whether <paramref name="text"/> is an instant as SQLite holds one (UTC, ISO-8601); its value when so.</summary>
    internal static bool TryParseInstant(string text, out DateTime utc)
    {
        if (InstantPattern().IsMatch(text))
        {
            utc = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
            utc = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    private static void AppendCanonical(StringBuilder line, object value)
    {
        switch (value)
        {
            case DBNull:
                line.Append('~');
                break;
            case bool b:
                Append(line, 'n', b ? "1" : "0");
                break;
            case long or int or short or byte:
                Append(line, 'n', Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case DateTime dateTime:
                Append(line, 't', Instant(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)));
                break;
            case DateTimeOffset offset:
                Append(line, 't', Instant(offset.UtcDateTime));
                break;
            case string text:
                Append(line, 't', TryParseInstant(text, out var utc) ? Instant(utc) : text);
                break;
            case byte[] bytes:
                Append(line, 'b', Convert.ToHexStringLower(bytes));
                break;
            case double d:
                Append(line, 'r', d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                Append(line, 'r', ((double)f).ToString("R", CultureInfo.InvariantCulture));
                break;
            case decimal m:
                Append(line, 'r', m.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"No canonical form for a value of type {value.GetType().Name}.");
        }
    }

    private static void Append(StringBuilder line, char kind, string text) =>
        line.Append(kind).Append(Encoding.UTF8.GetByteCount(text).ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);

    private static string Instant(DateTime utc) =>
        new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?\+00:00$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();
}
