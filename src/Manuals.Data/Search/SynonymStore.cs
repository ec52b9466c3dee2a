using Dapper;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>Synonym groups, one row each, its words separated by commas (<c>PC,パソコン</c>).</summary>
public sealed class SynonymStore(IDbConnectionFactory connections) : ISynonymStore
{
    private static readonly char[] Separators = [',', '、', '，'];

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
}
