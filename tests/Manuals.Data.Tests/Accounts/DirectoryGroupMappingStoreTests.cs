using Manuals.Core.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Accounts;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class DirectoryGroupMappingStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddAsync_NewMappings_ListAndFindReturnThem(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IDirectoryGroupMappingStore>();

        var first = await store.AddAsync("b-group", null, 3, Now, db.CancellationToken);
        var second = await store.AddAsync("a-group", "経理部", 1, Now, db.CancellationToken);
        var third = await store.AddAsync("a-group", "経理部", 2, Now, db.CancellationToken);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotNull(third);
        var all = await store.ListAsync(db.CancellationToken);
        Assert.Equal([second, third, first], all.Select(m => (long?)m.Id));
        Assert.Equal(new DirectoryGroupMapping(second.Value, "a-group", "経理部", 1, Now), await store.FindAsync(second.Value, db.CancellationToken));
        Assert.Null((await store.FindAsync(first.Value, db.CancellationToken))!.Label);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddAsync_SameGroupAndDepartment_ReturnsNullAndKeepsOne(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IDirectoryGroupMappingStore>();
        await store.AddAsync("a-group", "経理部", 1, Now, db.CancellationToken);

        var duplicate = await store.AddAsync("a-group", "別名", 1, Now, db.CancellationToken);

        Assert.Null(duplicate);
        Assert.Single(await store.ListAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RemoveAsync_ExistingAndUnknown_RemovesOnlyTheExistingOne(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IDirectoryGroupMappingStore>();
        var id = (await store.AddAsync("a-group", null, 1, Now, db.CancellationToken))!.Value;
        var kept = (await store.AddAsync("b-group", null, 1, Now, db.CancellationToken))!.Value;

        Assert.True(await store.RemoveAsync(id, db.CancellationToken));
        Assert.False(await store.RemoveAsync(id, db.CancellationToken));

        Assert.Null(await store.FindAsync(id, db.CancellationToken));
        Assert.Equal([kept], (await store.ListAsync(db.CancellationToken)).Select(m => m.Id));
    }
}
