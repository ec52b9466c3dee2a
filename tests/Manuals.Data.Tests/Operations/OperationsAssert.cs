using System.Globalization;
using Dapper;
using Manuals.Data.Operations;
using Manuals.Data.Tests.Infrastructure;

namespace Manuals.Data.Tests.Operations;

/// <summary>Reading whole tables for comparisons, independently of the code under test's checksums.</summary>
internal static class OperationsAssert
{
    public static async Task<IReadOnlyList<TableSummary>> SummariesAsync(TestDatabase db)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        return await TableChecksums.SummarizeAsync(connection, null, null, null, "verify", db.CancellationToken);
    }

    public static async Task<IReadOnlyList<CatalogueTable>> CatalogueAsync(TestDatabase db)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        return await TableCatalogue.ReadAsync(connection, null, db.CancellationToken);
    }

    /// <summary>Every row of <paramref name="table"/> as text, by its primary key (both databases of one engine).</summary>
    public static async Task<Dictionary<string, string>> RowsAsync(TestDatabase db, string table)
    {
        var key = (await CatalogueAsync(db)).Single(t => t.Name == table).PrimaryKey;
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        var rows = await connection.QueryAsync(new CommandDefinition($"SELECT * FROM {table}", cancellationToken: db.CancellationToken));
        return rows.Cast<IDictionary<string, object?>>().ToDictionary(
            r => string.Join("|", key.Select(k => Text(r[k]))),
            r => string.Join("|", r.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={Text(c.Value)}")));
    }

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
