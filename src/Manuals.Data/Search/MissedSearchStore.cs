using System.Globalization;
using Dapper;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>The <c>search_misses</c> table: one row per normalised query, upserted by one statement on both engines.</summary>
public sealed class MissedSearchStore(IDbConnectionFactory connections) : IMissedSearchStore
{
    private const string DayFormat = "yyyy-MM-dd";

    public async Task RecordAsync(string query, int hits, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        const string sql = """
            INSERT INTO search_misses (query, search_count, last_day, last_hits) VALUES (@Query, 1, @Day, @Hits)
            ON CONFLICT (query) DO UPDATE SET search_count = search_misses.search_count + 1,
                last_day = excluded.last_day, last_hits = excluded.last_hits
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { Query = query, Hits = hits, Day = day.ToString(DayFormat, CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<MissedSearch>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, query, search_count, last_day, last_hits FROM search_misses
            ORDER BY search_count DESC, last_day DESC, id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Query, long Count, string Day, long Hits)>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows
            .Select(r => new MissedSearch(
                r.Id, r.Query, (int)r.Count, DateOnly.ParseExact(r.Day, DayFormat, CultureInfo.InvariantCulture), (int)r.Hits))
            .ToList();
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM search_misses WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }
}
