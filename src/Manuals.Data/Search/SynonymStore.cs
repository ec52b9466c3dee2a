using Dapper;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>Synonym groups, one row each, its words separated by commas (<c>PC,パソコン</c>).</summary>
public sealed class SynonymStore(IDbConnectionFactory connections) : ISynonymStore
{
    private static readonly char[] Separators = [',', '、', '，', '､'];

    public async Task<IReadOnlyList<SynonymGroup>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, terms FROM search_synonyms ORDER BY id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Terms)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows
            .Select(r => new SynonymGroup(r.Id, r.Terms.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(g => g.Terms.Count > 1)
            .ToList();
    }

    public async Task<long> AddAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO search_synonyms (terms) VALUES (@Terms) RETURNING id",
            new { Terms = string.Join(',', words) },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> UpdateAsync(long id, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE search_synonyms SET terms = @Terms WHERE id = @Id",
            new { Id = id, Terms = string.Join(',', words) },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM search_synonyms WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }
}
