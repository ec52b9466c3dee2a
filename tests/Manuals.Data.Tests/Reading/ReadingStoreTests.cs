using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Reading;

/// <summary>The favourite and recently viewed manuals each reader keeps (<see cref="IFavoriteStore"/>, <see cref="IRecentViewStore"/>).</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ReadingStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FavoriteStore_MarkedTwiceUnmarkedAndOthers_ListsEachReadersOwnLatestFirst(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IFavoriteStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var taro = await db.CreateUserAsync("taro");
        var (closing, payroll, tax) = (await CreateManualAsync(db, "月次決算"), await CreateManualAsync(db, "給与計算"), await CreateManualAsync(db, "年末調整"));

        await store.SetAsync(hanako, closing, true, Monday, db.CancellationToken);
        await store.SetAsync(hanako, payroll, true, Monday.AddMinutes(1), db.CancellationToken);
        await store.SetAsync(hanako, closing, true, Monday.AddMinutes(2), db.CancellationToken);
        await store.SetAsync(hanako, tax, true, Monday.AddMinutes(3), db.CancellationToken);
        await store.SetAsync(hanako, tax, false, Monday.AddMinutes(4), db.CancellationToken);
        await store.SetAsync(hanako, tax, false, Monday.AddMinutes(5), db.CancellationToken);
        await store.SetAsync(taro, tax, true, Monday, db.CancellationToken);

        Assert.Equal([payroll, closing], await store.ListAsync(hanako, db.CancellationToken));
        Assert.Equal([tax], await store.ListAsync(taro, db.CancellationToken));
        Assert.True(await store.IsFavoriteAsync(hanako, closing, db.CancellationToken));
        Assert.False(await store.IsFavoriteAsync(hanako, tax, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecentViewStore_OpenedAgain_MovesToTheTopAndOnlyTheNewestAreKept(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IRecentViewStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var manuals = new List<long>();
        for (var i = 0; i < IRecentViewStore.Kept + 3; i++)
        {
            manuals.Add(await CreateManualAsync(db, $"マニュアル{i}"));
            await store.RecordAsync(hanako, manuals[i], Monday.AddMinutes(i), db.CancellationToken);
        }

        await store.RecordAsync(hanako, manuals[5], Monday.AddHours(2), db.CancellationToken);

        var recent = await store.ListAsync(hanako, 100, db.CancellationToken);
        Assert.Equal(IRecentViewStore.Kept, recent.Count);
        Assert.Equal(manuals[5], recent[0]);
        Assert.Equal(manuals[^1], recent[1]);
        // The three oldest went as newer ones came; the rest stay, 5 moved to the top.
        Assert.Equal(manuals.Skip(3).Reverse().Where(m => m != manuals[5]).Prepend(manuals[5]), recent);
        Assert.Equal([manuals[5], manuals[^1], manuals[^2]], await store.ListAsync(hanako, 3, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Stores_ReaderDeleted_TheirListsGoWithThem(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var hanako = await db.CreateUserAsync("hanako");
        var manual = await CreateManualAsync(db, "月次決算");
        await db.Services.GetRequiredService<IFavoriteStore>().SetAsync(hanako, manual, true, Monday, db.CancellationToken);
        await db.Services.GetRequiredService<IRecentViewStore>().RecordAsync(hanako, manual, Monday, db.CancellationToken);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        {
            await connection.ExecuteAsync("DELETE FROM users WHERE id = @hanako", new { hanako });
        }

        Assert.Equal([0L], await db.QueryAsync<long>("SELECT COUNT(*) FROM manual_favorites"));
        Assert.Equal([0L], await db.QueryAsync<long>("SELECT COUNT(*) FROM manual_views"));
    }

    private static async Task<long> CreateManualAsync(TestDatabase db, string title) =>
        await db.Services.GetRequiredService<IManualStore>().CreateAsync(
            new ManualDraft(title, 1, ManualVisibility.Company, ManualStatus.Published, null, [], "## 手順\n1. 画面を開きます。", "テスト"),
            new Author(null, "佐藤 一郎"),
            null,
            Monday,
            db.CancellationToken);

}
