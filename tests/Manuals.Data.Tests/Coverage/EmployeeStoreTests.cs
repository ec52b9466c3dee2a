using Manuals.Core.Coverage;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Data.Tests.Coverage.CoverageData;

namespace Manuals.Data.Tests.Coverage;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class EmployeeStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_WithStatusDateAndUser_FindReturnsThem(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IEmployeeStore>();
        var userId = await CreateUserAsync(db, "yamada", "山田 太郎");
        var employee = Employee("山田 太郎");
        employee.Email = "yamada@example.co.jp";
        employee.Status = EmployeeStatus.LeavingScheduled;
        employee.StatusDate = new DateOnly(2026, 12, 31);
        employee.UserId = userId;

        var id = await store.CreateAsync(employee, Monday, db.CancellationToken);
        var found = await store.FindAsync(id!.Value, db.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal(("山田 太郎", Accounting, "yamada@example.co.jp"), (found.Name, found.DepartmentId, found.Email));
        Assert.Equal(EmployeeStatus.LeavingScheduled, found.Status);
        Assert.Equal(new DateOnly(2026, 12, 31), found.StatusDate);
        Assert.Equal(userId, found.UserId);
        Assert.Equal(Monday, found.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NameTakenInAnyDepartment_ReturnsNull(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IEmployeeStore>();
        await CreateEmployeeAsync(db, "佐藤 健");

        Assert.Null(await store.CreateAsync(Employee("佐藤 健", Hr), Monday, db.CancellationToken));
        Assert.Equal(1, await store.CountAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_MovesAndClearsDate_AndRefusesTakenName(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IEmployeeStore>();
        var id = await CreateEmployeeAsync(db, "高橋 愛");
        await CreateEmployeeAsync(db, "伊藤 誠");
        var moved = Employee("高橋 愛", Hr);
        moved.Id = id;
        moved.Status = EmployeeStatus.Transferred;
        moved.StatusDate = new DateOnly(2026, 10, 1);

        Assert.Equal(WriteStatus.Written, await store.UpdateAsync(moved, Monday, db.CancellationToken));
        moved.Name = "伊藤 誠";
        Assert.Equal(WriteStatus.Duplicate, await store.UpdateAsync(moved, Monday, db.CancellationToken));
        moved.Id = 99999;
        Assert.Equal(WriteStatus.NotFound, await store.UpdateAsync(moved, Monday, db.CancellationToken));

        var found = await store.FindAsync(id, db.CancellationToken);
        Assert.Equal(("高橋 愛", Hr, EmployeeStatus.Transferred, new DateOnly(2026, 10, 1)), (found!.Name, found.DepartmentId, found.Status, found.StatusDate));
        Assert.Equal(["伊藤 誠"], (await store.ListAsync(Accounting, db.CancellationToken)).Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveManyAsync_CollisionInBatch_WritesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IEmployeeStore>();
        await CreateEmployeeAsync(db, "中村 由美");

        Assert.False(await store.SaveManyAsync([Employee("小林 翔"), Employee("中村 由美", Hr)], Monday, db.CancellationToken));
        Assert.True(await store.SaveManyAsync([Employee("小林 翔"), Employee("加藤 舞", Hr)], Monday, db.CancellationToken));

        Assert.Equal(["中村 由美", "小林 翔", "加藤 舞"], (await store.ListAsync(null, db.CancellationToken)).Select(e => e.Name));
    }
}
