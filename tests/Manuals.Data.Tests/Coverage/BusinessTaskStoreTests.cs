using Manuals.Core.Coverage;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Data.Tests.Coverage.CoverageData;

namespace Manuals.Data.Tests.Coverage;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class BusinessTaskStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_WithManuals_FindReturnsFieldsAndLinks(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IBusinessTaskStore>();
        var closing = await CreateManualAsync(db, "月次決算の手順");
        var invoices = await CreateManualAsync(db, "請求書の発行手順");

        var id = await store.CreateAsync(Task("月次決算（仮締め）", Accounting, invoices, closing), Monday, db.CancellationToken);
        var task = await store.FindAsync(id!.Value, db.CancellationToken);

        Assert.NotNull(task);
        Assert.Equal("月次決算（仮締め）", task.Name);
        Assert.Equal(Accounting, task.DepartmentId);
        Assert.Equal("月次決算（仮締め）の説明", task.Description);
        Assert.Equal(TaskFrequency.Monthly, task.Frequency);
        Assert.Equal("毎月第5営業日", task.Timing);
        Assert.Equal(TaskCriticality.High, task.Criticality);
        Assert.Equal([closing, invoices], task.ManualIds);
        Assert.Equal(Monday, task.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NameTakenInDepartment_ReturnsNullButOtherDepartmentMayUseIt(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IBusinessTaskStore>();
        await CreateTaskAsync(db, "書類の保管");

        var again = await store.CreateAsync(Task("書類の保管"), Monday, db.CancellationToken);
        var elsewhere = await store.CreateAsync(Task("書類の保管", Hr), Monday, db.CancellationToken);

        Assert.Null(again);
        Assert.NotNull(elsewhere);
        Assert.Equal(2, await store.CountAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_ChangesFieldsKeepsLinks_AndRefusesTakenNames(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IBusinessTaskStore>();
        var manual = await CreateManualAsync(db, "給与計算の手順");
        var id = await CreateTaskAsync(db, "給与計算", Accounting, manual);
        await CreateTaskAsync(db, "賞与計算");
        var changed = Task("給与計算（月次）", Hr);
        changed.Id = id;
        changed.Frequency = TaskFrequency.Monthly;
        changed.Timing = "毎月25日";
        changed.Criticality = TaskCriticality.Medium;
        changed.ManualIds = [];

        var written = await store.UpdateAsync(changed, Monday.AddDays(1), db.CancellationToken);
        var taken = Task("賞与計算");
        taken.Id = id;
        var duplicate = await store.UpdateAsync(taken, Monday.AddDays(2), db.CancellationToken);
        var missing = Task("存在しない");
        missing.Id = 424242;

        Assert.Equal(WriteStatus.Written, written);
        Assert.Equal(WriteStatus.Duplicate, duplicate);
        Assert.Equal(WriteStatus.NotFound, await store.UpdateAsync(missing, Monday, db.CancellationToken));
        var task = await store.FindAsync(id, db.CancellationToken);
        Assert.Equal(("給与計算（月次）", Hr, "毎月25日", TaskCriticality.Medium), (task!.Name, task.DepartmentId, task.Timing, task.Criticality));
        Assert.Equal([manual], task.ManualIds);
        Assert.Equal(Monday.AddDays(1), task.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task LinkManualAsync_TwiceThenUnlink_ListByManualFollows(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IBusinessTaskStore>();
        var manual = await CreateManualAsync(db, "経費精算の手順");
        var task = await CreateTaskAsync(db, "経費精算");
        var other = await CreateTaskAsync(db, "仮払金の精算");

        Assert.True(await store.LinkManualAsync(task, manual, db.CancellationToken));
        Assert.True(await store.LinkManualAsync(task, manual, db.CancellationToken));
        Assert.True(await store.LinkManualAsync(other, manual, db.CancellationToken));
        Assert.False(await store.LinkManualAsync(task, 987654, db.CancellationToken));
        Assert.False(await store.LinkManualAsync(987654, manual, db.CancellationToken));
        Assert.Equal(["仮払金の精算", "経費精算"], (await store.ListByManualAsync(manual, db.CancellationToken)).Select(t => t.Name));

        Assert.True(await store.UnlinkManualAsync(task, manual, db.CancellationToken));
        Assert.False(await store.UnlinkManualAsync(task, manual, db.CancellationToken));
        Assert.Equal(["仮払金の精算"], (await store.ListByManualAsync(manual, db.CancellationToken)).Select(t => t.Name));
        Assert.Empty((await store.FindAsync(task, db.CancellationToken))!.ManualIds);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_Department_OrderedByName(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IBusinessTaskStore>();
        await CreateTaskAsync(db, "請求書発行");
        await CreateTaskAsync(db, "入社手続き", Hr);
        await CreateTaskAsync(db, "月次決算");

        var accounting = await store.ListAsync(Accounting, db.CancellationToken);
        var all = await store.ListAsync(null, db.CancellationToken);

        Assert.Equal(["月次決算", "請求書発行"], accounting.Select(t => t.Name));
        Assert.Equal(["月次決算", "請求書発行", "入社手続き"], all.Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveManyAsync_CreatesUpdatesAndReplacesLinks(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IBusinessTaskStore>();
        var a = await CreateManualAsync(db, "A");
        var b = await CreateManualAsync(db, "B");
        var existingId = await CreateTaskAsync(db, "既存業務", Accounting, a);
        var existing = Task("既存業務", Accounting, b);
        existing.Id = existingId;
        existing.Timing = "毎月末";

        var saved = await store.SaveManyAsync([existing, Task("新規業務", Hr, a, b)], Monday.AddDays(1), db.CancellationToken);

        Assert.True(saved);
        var all = await store.ListAsync(null, db.CancellationToken);
        Assert.Equal(["既存業務", "新規業務"], all.Select(t => t.Name));
        Assert.Equal([b], all[0].ManualIds);
        Assert.Equal("毎月末", all[0].Timing);
        Assert.Equal([a, b], all[1].ManualIds);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveManyAsync_NameCollision_WritesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IBusinessTaskStore>();
        await CreateTaskAsync(db, "既存業務");

        var saved = await store.SaveManyAsync([Task("先に書かれる業務"), Task("既存業務")], Monday, db.CancellationToken);

        Assert.False(saved);
        Assert.Equal(["既存業務"], (await store.ListAsync(null, db.CancellationToken)).Select(t => t.Name));
    }
}
