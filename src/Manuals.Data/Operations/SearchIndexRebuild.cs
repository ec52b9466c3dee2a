using Manuals.Data.Search;

namespace Manuals.Data.Operations;

/// <summary>
/// Asks every node to rebuild its own search index from the database: a new <see cref="SearchIndexGeneration"/>, which
/// a running node notices at its next journal sync and a stopped one at its start. Commands never write an index.
/// </summary>
public sealed class SearchIndexRebuild(IDbConnectionFactory connections)
{
    public async Task RequestAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await SearchIndexGeneration.RenewAsync(connection, null, ct);
    }
}
