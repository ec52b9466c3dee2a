using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Data.Migrations;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Manuals.Data.Tests.Coverage.CoverageData;

namespace Manuals.Data.Tests.Migrations;

/// <summary>
/// Migration 0008 (handovers) on a database that already holds a matrix. On SQLite it rebuilds <c>employees</c> to
/// allow 休職中 (OnLeave), setting the matrix tables aside and putting them back; on PostgreSQL it swaps the constraint.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class HandoversMigrationTests
{
    private const int HandoversVersion = 8;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_MatrixBeforeHandovers_KeepsEmployeesCellsAndHistoryWithTheirIds(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        await MigrateUpToAsync(db, HandoversVersion - 1);
        await SeedMatrixAsync(db);
        var employeesBefore = await EmployeesAsync(db);
        var cellsBefore = await CellsAsync(db);
        var changesBefore = await ChangesAsync(db);

        var applied = await db.Services.GetRequiredService<MigrationRunner>().MigrateAsync(db.CancellationToken);

        Assert.Equal(MigrationRunner.LoadEmbedded(engine).Count - (HandoversVersion - 1), applied);
        Assert.True(await db.TableExistsAsync("handovers"));
        Assert.Equal(employeesBefore, await EmployeesAsync(db));
        Assert.Equal(cellsBefore, await CellsAsync(db));
        Assert.Equal(changesBefore, await ChangesAsync(db));
        // The seed left gaps (a deleted employee, a deleted change), so equal ids mean the ids were copied, not renumbered.
        Assert.Equal(2, employeesBefore.Count);
        Assert.DoesNotContain(1L, employeesBefore.Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_MatrixBeforeHandovers_ThenOnLeaveIsAcceptedAndTheMatrixStillFollowsEmployees(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        await MigrateUpToAsync(db, HandoversVersion - 1);
        var (yamada, suzuki, task) = await SeedMatrixAsync(db);
        var changesBefore = await ChangesAsync(db);
        await db.Services.GetRequiredService<MigrationRunner>().MigrateAsync(db.CancellationToken);
        var employees = db.Services.GetRequiredService<IEmployeeStore>();
        var matrix = db.Services.GetRequiredService<ISkillMatrixStore>();

        var onLeave = (await employees.FindAsync(yamada, db.CancellationToken))!;
        onLeave.Status = EmployeeStatus.OnLeave;
        onLeave.StatusDate = new DateOnly(2026, 12, 1);
        var written = await employees.UpdateAsync(onLeave, Monday.AddDays(1), db.CancellationToken);
        var conflicts = await matrix.ApplyAsync(
            [new SkillCellEdit(suzuki, task, SkillLevel.Independent, AssignmentRole.Backup, SkillLevel.CanTeach, AssignmentRole.Primary)],
            new Author(null, "移行後"),
            Monday.AddDays(1),
            db.CancellationToken);

        Assert.Equal(WriteStatus.Written, written);
        var found = (await employees.FindAsync(yamada, db.CancellationToken))!;
        Assert.Equal((EmployeeStatus.OnLeave, (DateOnly?)new DateOnly(2026, 12, 1)), (found.Status, found.StatusDate));
        Assert.Empty(conflicts);
        var latest = (await matrix.ListChangesAsync(null, task, suzuki, 1, db.CancellationToken)).Single();
        Assert.Equal(("鈴木 花子", "移行後"), (latest.EmployeeName, latest.ChangedByName));
        Assert.True(latest.Id > changesBefore.Max(c => c.Id));

        // The rebuilt tables still reference employees: deleting one takes its cells and history along.
        await db.QueryAsync<long>("DELETE FROM employees WHERE id = @suzuki", new { suzuki });
        Assert.All(await CellsAsync(db), c => Assert.NotEqual(suzuki, c.EmployeeId));
        Assert.All(await ChangesAsync(db), c => Assert.NotEqual(suzuki, c.EmployeeId));
        Assert.NotEmpty(await CellsAsync(db));
    }

    private static async Task MigrateUpToAsync(TestDatabase db, int version)
    {
        var migrations = MigrationRunner.LoadEmbedded(db.Engine).Where(m => m.Version <= version).ToList();
        Assert.Equal(version, migrations.Count);
        await new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance, migrations).MigrateAsync(db.CancellationToken);
        Assert.False(await db.TableExistsAsync("handovers"));
    }

    /// <summary>
    /// Three employees (one with an account, one leaving) and their cells and history; then the first employee is
    /// deleted, so the remaining ids of both employees and changes have gaps.
    /// </summary>
    private static async Task<(long Yamada, long Suzuki, long Task)> SeedMatrixAsync(TestDatabase db)
    {
        var employees = db.Services.GetRequiredService<IEmployeeStore>();
        var matrix = db.Services.GetRequiredService<ISkillMatrixStore>();
        var author = new Author(await CreateUserAsync(db, "manager", "部長 一郎"), "部長 一郎");
        var task = await CreateTaskAsync(db, "月次決算");
        var other = await CreateTaskAsync(db, "入社手続き", Hr);
        var gone = await CreateEmployeeAsync(db, "退職 済子");
        var yamada = Employee("山田 太郎");
        yamada.UserId = await CreateUserAsync(db, "yamada", "山田 太郎");
        yamada.Email = "yamada@example.co.jp";
        var yamadaId = (await employees.CreateAsync(yamada, Monday, db.CancellationToken))!.Value;
        var suzuki = Employee("鈴木 花子", Hr);
        suzuki.Status = EmployeeStatus.LeavingScheduled;
        suzuki.StatusDate = new DateOnly(2027, 3, 31);
        var suzukiId = (await employees.CreateAsync(suzuki, Monday, db.CancellationToken))!.Value;
        Assert.Empty(await matrix.ApplyAsync(
            [
                new SkillCellEdit(gone, task, SkillLevel.None, AssignmentRole.None, SkillLevel.CanTeach, AssignmentRole.Primary),
                new SkillCellEdit(yamadaId, task, SkillLevel.None, AssignmentRole.None, SkillLevel.CanTeach, AssignmentRole.Primary),
                new SkillCellEdit(suzukiId, task, SkillLevel.None, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.Backup),
                new SkillCellEdit(suzukiId, other, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.None),
            ],
            author,
            Monday,
            db.CancellationToken));
        Assert.Empty(await matrix.ApplyAsync(
            [new SkillCellEdit(yamadaId, task, SkillLevel.CanTeach, AssignmentRole.Primary, SkillLevel.Independent, AssignmentRole.Primary)],
            author,
            Monday.AddHours(1),
            db.CancellationToken));
        await db.QueryAsync<long>("DELETE FROM employees WHERE id = @gone", new { gone });
        return (yamadaId, suzukiId, task);
    }

    private static async Task<IReadOnlyList<(long Id, string Name, long DepartmentId, string? Email, EmployeeStatus Status, DateOnly? StatusDate, long? UserId, DateTimeOffset UpdatedAt)>> EmployeesAsync(TestDatabase db) =>
        (await db.Services.GetRequiredService<IEmployeeStore>().ListAsync(null, db.CancellationToken))
            .OrderBy(e => e.Id)
            .Select(e => (e.Id, e.Name, e.DepartmentId, e.Email, e.Status, e.StatusDate, e.UserId, e.UpdatedAt))
            .ToList();

    private static async Task<IReadOnlyList<SkillCell>> CellsAsync(TestDatabase db) =>
        (await db.Services.GetRequiredService<ISkillMatrixStore>().ListCellsAsync(null, db.CancellationToken))
            .OrderBy(c => c.EmployeeId).ThenBy(c => c.TaskId).ToList();

    private static async Task<IReadOnlyList<(long Id, long EmployeeId, long TaskId, SkillLevel FromLevel, SkillLevel ToLevel, AssignmentRole ToRole, long? ChangedById, DateTimeOffset ChangedAt)>> ChangesAsync(TestDatabase db) =>
        (await db.Services.GetRequiredService<ISkillMatrixStore>().ListChangesAsync(null, null, null, 100, db.CancellationToken))
            .OrderBy(c => c.Id)
            .Select(c => (c.Id, c.EmployeeId, c.TaskId, c.FromLevel, c.ToLevel, c.ToRole, c.ChangedById, c.ChangedAt))
            .ToList();
}
