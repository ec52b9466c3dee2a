using System.Data.Common;
using Dapper;
using Npgsql;

namespace Manuals.Data.Operations;

/// <summary>One table of the schema: its columns (name and the engine's declared type) and its primary key columns.</summary>
public sealed record CatalogueTable(string Name, IReadOnlyList<CatalogueColumn> Columns, IReadOnlyList<string> PrimaryKey);

/// <summary>A column and the type its engine declares (<c>bigint</c>, <c>timestamp with time zone</c>, <c>TEXT</c>…).</summary>
public sealed record CatalogueColumn(string Name, string Type);

/// <summary>
/// Every table of the database, read from the engine's own catalogue (so a table a migration adds is never missed), in
/// an order where each table comes after the tables its foreign keys name (ties by name). Backups, restores and the
/// move to PostgreSQL all work from this one list.
/// </summary>
public static class TableCatalogue
{
    /// <summary>
    /// Tables that describe the database itself, not its data, and so are neither copied nor summed: the migrations it
    /// has seen (a target records its own), its search index generation (a restored or copied database gets a new one) and
    /// the versions nodes keep their reads by (the triggers of the target raise its own as the rows go in).
    /// </summary>
    public static readonly IReadOnlySet<string> DatabaseOwn = new HashSet<string>(StringComparer.Ordinal)
    {
        "schema_version",
        "search_index_generation",
        "data_versions",
    };

    /// <summary>The data tables (all but <see cref="DatabaseOwn"/>) in foreign-key order.</summary>
    public static async Task<IReadOnlyList<CatalogueTable>> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (columns, keys, references) = connection is NpgsqlConnection
            ? await ReadPostgresAsync(connection, transaction, cancellationToken)
            : await ReadSqliteAsync(connection, transaction, cancellationToken);
        var tables = columns.Keys.Where(t => !DatabaseOwn.Contains(t)).ToList();
        return ForeignKeyOrder(tables, references)
            .Select(t => new CatalogueTable(t, columns[t], keys.TryGetValue(t, out var key) && key.Count > 0 ? key : columns[t].Select(c => c.Name).ToList()))
            .ToList();
    }

    /// <summary>Kahn's order, smallest name first among the tables whose references are all placed.</summary>
    private static List<string> ForeignKeyOrder(List<string> tables, ILookup<string, string> references)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var pending = new SortedSet<string>(tables, StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(t => references[t].All(r => r == t || placed.Contains(r) || !pending.Contains(r)))
                ?? throw new InvalidOperationException($"Foreign keys form a cycle among: {string.Join(", ", pending)}");
            pending.Remove(next);
            placed.Add(next);
            order.Add(next);
        }

        return order;
    }

    private static async Task<(Dictionary<string, IReadOnlyList<CatalogueColumn>>, Dictionary<string, IReadOnlyList<string>>, ILookup<string, string>)> ReadSqliteAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        const string columnsSql = """
            SELECT m.name AS TableName, c.name AS ColumnName, c.type AS Type, c.pk AS KeyPosition
            FROM sqlite_master m JOIN pragma_table_info(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
            ORDER BY m.name, c.cid
            """;
        const string referencesSql = """
            SELECT DISTINCT m.name AS TableName, f."table" AS Referenced
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
            """;
        var rows = (await connection.QueryAsync<(string TableName, string ColumnName, string Type, long KeyPosition)>(
            new CommandDefinition(columnsSql, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var references = await connection.QueryAsync<(string TableName, string Referenced)>(
            new CommandDefinition(referencesSql, transaction: transaction, cancellationToken: cancellationToken));
        return Shape(rows.Select(r => (r.TableName, r.ColumnName, r.Type, (int)r.KeyPosition)), references);
    }

    private static async Task<(Dictionary<string, IReadOnlyList<CatalogueColumn>>, Dictionary<string, IReadOnlyList<string>>, ILookup<string, string>)> ReadPostgresAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        const string columnsSql = """
            SELECT c.table_name AS TableName, c.column_name AS ColumnName, c.data_type AS Type,
                   COALESCE((SELECT k.position::integer
                             FROM pg_index i
                             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attname = c.column_name
                             CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
                             WHERE i.indrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND i.indisprimary
                               AND k.attnum = a.attnum), 0) AS KeyPosition
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """;
        const string referencesSql = """
            SELECT DISTINCT src.relname AS TableName, dst.relname AS Referenced
            FROM pg_constraint k
            JOIN pg_class src ON src.oid = k.conrelid
            JOIN pg_class dst ON dst.oid = k.confrelid
            WHERE k.contype = 'f' AND src.relnamespace = current_schema()::regnamespace
            """;
        var rows = await connection.QueryAsync<(string TableName, string ColumnName, string Type, int KeyPosition)>(
            new CommandDefinition(columnsSql, transaction: transaction, cancellationToken: cancellationToken));
        var references = await connection.QueryAsync<(string TableName, string Referenced)>(
            new CommandDefinition(referencesSql, transaction: transaction, cancellationToken: cancellationToken));
        return Shape(rows, references);
    }

    private static (Dictionary<string, IReadOnlyList<CatalogueColumn>>, Dictionary<string, IReadOnlyList<string>>, ILookup<string, string>) Shape(
        IEnumerable<(string TableName, string ColumnName, string Type, int KeyPosition)> rows, IEnumerable<(string TableName, string Referenced)> references)
    {
        var byTable = rows.GroupBy(r => r.TableName, StringComparer.Ordinal).ToList();
        var columns = byTable.ToDictionary(
            g => g.Key, g => (IReadOnlyList<CatalogueColumn>)g.Select(r => new CatalogueColumn(r.ColumnName, r.Type)).ToList(), StringComparer.Ordinal);
        var keys = byTable.ToDictionary(
            g => g.Key, g => (IReadOnlyList<string>)g.Where(r => r.KeyPosition > 0).OrderBy(r => r.KeyPosition).Select(r => r.ColumnName).ToList(), StringComparer.Ordinal);
        return (columns, keys, references.ToLookup(r => r.TableName, r => r.Referenced, StringComparer.Ordinal));
    }
}
