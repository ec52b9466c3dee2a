using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Data.Tests.Coverage.CoverageData;

namespace Manuals.Data.Tests.Coverage;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SkillMatrixStoreTests
{
    private static SkillCellEdit Edit(long employee, long task, SkillLevel fromLevel, AssignmentRole fromRole, SkillLevel toLevel, AssignmentRole toRole) =>
        new(employee, task, fromLevel, fromRole, toLevel, toRole);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ApplyAsync_NewAndChangedCells_StoredAndRecordedWithAuthor(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ISkillMatrixStore>();
        var userId = await CreateUserAsync(db, "manager", "部長 一郎");
        var author = new Author(userId, "部長 一郎");
        var task = await CreateTaskAsync(db, "月次決算");
        var yamada = await CreateEmployeeAsync(db, "山田 太郎");

        var first = await store.ApplyAsync(
            [Edit(yamada, task, SkillLevel.None, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.Backup)], author, Monday, db.CancellationToken);
        var second = await store.ApplyAsync(
            [Edit(yamada, task, SkillLevel.Independent, AssignmentRole.Backup, SkillLevel.CanTeach, AssignmentRole.Primary)], author, Monday.AddHours(1), db.CancellationToken);

        Assert.Empty(first);
        Assert.Empty(second);
        var cell = Assert.Single(await store.ListCellsAsync(Accounting, db.CancellationToken));
        Assert.Equal(new SkillCell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary), cell);
        var changes = await store.ListChangesAsync(Accounting, null, null, 10, db.CancellationToken);
        Assert.Equal(2, changes.Count);
        var latest = changes[0];
        Assert.Equal(("山田 太郎", "月次決算", Accounting), (latest.EmployeeName, latest.TaskName, latest.DepartmentId));
        Assert.Equal((SkillLevel.Independent, AssignmentRole.Backup), (latest.FromLevel, latest.FromRole));
        Assert.Equal((SkillLevel.CanTeach, AssignmentRole.Primary), (latest.ToLevel, latest.ToRole));
        Assert.Equal((userId, "部長 一郎"), (latest.ChangedById, latest.ChangedByName));
        Assert.Equal(Monday.AddHours(1), latest.ChangedAt);
        Assert.Equal((SkillLevel.None, AssignmentRole.None), (changes[1].FromLevel, changes[1].FromRole));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ApplyAsync_CellChangedMeanwhile_WritesNothingAndReturnsCurrent(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ISkillMatrixStore>();
        var author = new Author(null, "テスト");
        var task = await CreateTaskAsync(db, "給与計算");
        var other = await CreateTaskAsync(db, "年末調整");
        var suzuki = await CreateEmployeeAsync(db, "鈴木 花子");
        await store.ApplyAsync([Edit(suzuki, task, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.None)], author, Monday, db.CancellationToken);

        // Two editors saw the empty cell; the first one's save is above, this one arrives second with a stale from-value,
        // alongside an unrelated edit that must not be written either.
        var conflicts = await store.ApplyAsync(
            [
                Edit(suzuki, other, SkillLevel.None, AssignmentRole.None, SkillLevel.CanTeach, AssignmentRole.Primary),
                Edit(suzuki, task, SkillLevel.None, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.Primary),
            ],
            author,
            Monday.AddMinutes(1),
            db.CancellationToken);

        var current = Assert.Single(conflicts);
        Assert.Equal(new SkillCell(suzuki, task, SkillLevel.WithGuidance, AssignmentRole.None), current);
        Assert.Equal([new SkillCell(suzuki, task, SkillLevel.WithGuidance, AssignmentRole.None)], await store.ListCellsAsync(null, db.CancellationToken));
        Assert.Single(await store.ListChangesAsync(null, null, null, 10, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ApplyAsync_BackToEmptyAndAgain_TreatsStoredEmptyCellAsEmpty(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ISkillMatrixStore>();
        var author = new Author(null, "テスト");
        var task = await CreateTaskAsync(db, "入金消込");
        var tanaka = await CreateEmployeeAsync(db, "田中 一郎");

        await store.ApplyAsync([Edit(tanaka, task, SkillLevel.None, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.None)], author, Monday, db.CancellationToken);
        await store.ApplyAsync([Edit(tanaka, task, SkillLevel.Independent, AssignmentRole.None, SkillLevel.None, AssignmentRole.None)], author, Monday, db.CancellationToken);
        var again = await store.ApplyAsync([Edit(tanaka, task, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.Backup)], author, Monday, db.CancellationToken);

        Assert.Empty(again);
        Assert.Equal([new SkillCell(tanaka, task, SkillLevel.WithGuidance, AssignmentRole.Backup)], await store.ListCellsAsync(null, db.CancellationToken));
        Assert.Equal(3, (await store.ListChangesAsync(null, task, tanaka, 10, db.CancellationToken)).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListChangesAsync_Filters_ByDepartmentTaskEmployeeAndLimit(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ISkillMatrixStore>();
        var author = new Author(null, "テスト");
        var closing = await CreateTaskAsync(db, "月次決算");
        var onboarding = await CreateTaskAsync(db, "入社手続き", Hr);
        var a = await CreateEmployeeAsync(db, "A");
        var b = await CreateEmployeeAsync(db, "B", Hr);
        await store.ApplyAsync(
            [
                Edit(a, closing, SkillLevel.None, AssignmentRole.None, SkillLevel.CanTeach, AssignmentRole.Primary),
                Edit(b, closing, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.None),
                Edit(b, onboarding, SkillLevel.None, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.Primary),
            ],
            author,
            Monday,
            db.CancellationToken);

        Assert.Equal(2, (await store.ListChangesAsync(Accounting, null, null, 10, db.CancellationToken)).Count);
        Assert.Equal(["入社手続き"], (await store.ListChangesAsync(Hr, null, null, 10, db.CancellationToken)).Select(c => c.TaskName));
        Assert.Equal(["B"], (await store.ListChangesAsync(null, closing, b, 10, db.CancellationToken)).Select(c => c.EmployeeName));
        Assert.Equal(2, (await store.ListChangesAsync(null, null, b, 10, db.CancellationToken)).Count);
        Assert.Single(await store.ListChangesAsync(null, null, null, 1, db.CancellationToken));
        Assert.Equal(2, (await store.ListCellsAsync(Accounting, db.CancellationToken)).Count);
    }
}
