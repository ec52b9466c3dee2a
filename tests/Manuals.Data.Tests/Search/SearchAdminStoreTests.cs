using Manuals.Core.Search;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchAdminStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MissedSearchStore_RecordTwiceThenOther_UpsertsCountDayAndHitsMostSearchedFirst(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IMissedSearchStore>();

        await store.RecordAsync("pc 手順", 0, new DateOnly(2026, 4, 1), db.CancellationToken);
        await store.RecordAsync("稟議", 1, new DateOnly(2026, 4, 2), db.CancellationToken);
        await store.RecordAsync("pc 手順", 2, new DateOnly(2026, 4, 3), db.CancellationToken);
        var rows = await store.ListAsync(db.CancellationToken);

        Assert.Equal(
            [("pc 手順", 2, new DateOnly(2026, 4, 3), 2), ("稟議", 1, new DateOnly(2026, 4, 2), 1)],
            rows.Select(r => (r.Query, r.Count, r.LastDay, r.LastHits)));
        Assert.True(await store.DeleteAsync(rows[0].Id, db.CancellationToken));
        Assert.False(await store.DeleteAsync(rows[0].Id, db.CancellationToken));
        Assert.Equal(["稟議"], (await store.ListAsync(db.CancellationToken)).Select(r => r.Query));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SynonymStore_AddUpdateDelete_RoundTrips(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ISynonymStore>();

        var id = await store.AddAsync(["稟議", "決裁"], db.CancellationToken);
        var added = (await store.ListAsync(db.CancellationToken)).Single(g => g.Id == id).Terms;
        Assert.True(await store.UpdateAsync(id, ["稟議", "決裁", "承認"], db.CancellationToken));
        var updated = (await store.ListAsync(db.CancellationToken)).Single(g => g.Id == id).Terms;
        Assert.True(await store.DeleteAsync(id, db.CancellationToken));

        Assert.Equal(["稟議", "決裁"], added);
        Assert.Equal(["稟議", "決裁", "承認"], updated);
        Assert.DoesNotContain(await store.ListAsync(db.CancellationToken), g => g.Id == id);
        Assert.False(await store.UpdateAsync(id, ["a", "b"], db.CancellationToken));
        Assert.False(await store.DeleteAsync(id, db.CancellationToken));
    }
}
