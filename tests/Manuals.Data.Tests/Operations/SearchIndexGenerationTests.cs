using Manuals.Core.Accounts;
using Manuals.Core.Search;
using Manuals.Data.Operations;
using Manuals.Data.Search.Lucene;
using Manuals.Data.Tests.Coverage;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Operations;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchIndexGenerationTests
{
    private static readonly Viewer Admin = new(0, new HashSet<string> { Roles.Admin }, new HashSet<long>());

    /// <summary>
    /// Data replaced behind the journal's back (as a restore replaces it) stays unseen by the index until the
    /// database's generation changes; the next sync then rebuilds from the data.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SyncAsync_GenerationChanged_RebuildsFromTheData(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await CoverageData.CreateManualAsync(db, "旧い題名");
        var indexer = db.Services.GetRequiredService<LuceneIndexer>();
        await indexer.SyncAsync(db.CancellationToken);
        Assert.Equal(1, await TotalAsync(db, "旧い題名"));

        await db.QueryAsync<long>("UPDATE manuals SET title = '新しい題名' WHERE id = @id", new { id });
        await indexer.SyncAsync(db.CancellationToken);
        Assert.Equal(0, await TotalAsync(db, "新しい題名"));

        await db.Services.GetRequiredService<SearchIndexRebuild>().RequestAsync(db.CancellationToken);
        await indexer.SyncAsync(db.CancellationToken);

        Assert.Equal(1, await TotalAsync(db, "新しい題名"));
        Assert.Equal(0, await TotalAsync(db, "旧い題名"));
    }

    private static async Task<int> TotalAsync(TestDatabase db, string text) =>
        (await db.Services.GetRequiredService<ISearchIndex>().SearchAsync(
            SearchQueryParser.Parse(text, []), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken)).Total;
}
