using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search.Lucene;

/// <summary>The filter choices are kept between pages: they must still follow every change and every viewer's access.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class FacetCacheTests
{
    [Fact]
    public async Task FacetsAsync_AfterSavesAndForOtherViewers_NeverStale()
    {
        await using var db = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        var store = db.Services.GetRequiredService<IManualStore>();
        var index = db.Services.GetRequiredService<ISearchIndex>();
        var author = new Author(null, "テスト");
        var at = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
        var accountingReader = new Viewer(7001, new HashSet<string> { Roles.Reader }, new HashSet<long> { 1 });
        var personnelReader = new Viewer(7002, new HashSet<string> { Roles.Reader }, new HashSet<long> { 2 });
        async Task<SearchFacets> FacetsAsync(Viewer viewer)
        {
            await index.WaitForSavesAsync(db.CancellationToken);
            return await index.FacetsAsync(viewer, db.CancellationToken);
        }

        await store.CreateAsync(Draft("経理の手順", 1, ManualVisibility.Department, "経理だけ"), author, null, at, db.CancellationToken);
        await store.CreateAsync(Draft("共通の手順", 2, ManualVisibility.Company, "共通"), author, null, at, db.CancellationToken);

        var accountingBefore = await FacetsAsync(accountingReader);
        var personnelBefore = await FacetsAsync(personnelReader);
        var id = await store.CreateAsync(Draft("人事の手順", 2, ManualVisibility.Department, "人事だけ"), author, null, at, db.CancellationToken);
        var personnelAfter = await FacetsAsync(personnelReader);
        var accountingAfter = await FacetsAsync(accountingReader);
        var manual = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.True(await store.TryUpdateAsync(
            id, manual.RevisionNumber, Draft("人事の手順", 2, ManualVisibility.Department, "人事の新しいタグ"), author, at, db.CancellationToken));
        var personnelRetagged = await FacetsAsync(personnelReader);

        Assert.Equal(["共通", "経理だけ"], accountingBefore.Tags);
        Assert.Equal(["共通"], personnelBefore.Tags);
        Assert.Equal(["人事だけ", "共通"], personnelAfter.Tags);
        Assert.Equal(["共通", "経理だけ"], accountingAfter.Tags);
        Assert.Equal(["人事の新しいタグ", "共通"], personnelRetagged.Tags);
    }

    private static ManualDraft Draft(string title, long department, ManualVisibility visibility, string tag) =>
        new(title, department, visibility, ManualStatus.Published, null, [tag], "本文です。", "作成");
}
