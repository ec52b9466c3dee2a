using Dapper;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Data.Tests.Coverage.CoverageData;

namespace Manuals.Data.Tests.Coverage;

/// <summary>
/// The coverage version that lets a node keep its snapshot: every change to what coverage is computed from raises it, in
/// the same transaction, through the stores or through any other connection; nothing else does.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class CoverageVersionStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReadAsync_EachChangeToCoverageData_Raised(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var versions = db.Services.GetRequiredService<ICoverageVersionStore>();
        var linked = await CreateManualAsync(db, "月次決算の手順");
        var unlinked = await CreateManualAsync(db, "どの業務にもないマニュアル");
        var last = await versions.ReadAsync(db.CancellationToken);

        async Task AssertRaisedAsync(string change, Func<Task> write)
        {
            await write();
            var now = await versions.ReadAsync(db.CancellationToken);
            Assert.True(now > last, $"{change}: the version stayed {last}.");
            last = now;
        }

        async Task SqlAsync(string sql, object? parameters = null)
        {
            await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: db.CancellationToken));
        }

        long task = 0, employee = 0;
        await AssertRaisedAsync("a new task with a manual", async () => task = await CreateTaskAsync(db, "月次決算", Accounting, linked));
        await AssertRaisedAsync("a new employee", async () => employee = await CreateEmployeeAsync(db, "山田 太郎"));
        await AssertRaisedAsync("a matrix cell", () => db.Services.GetRequiredService<ISkillMatrixStore>().ApplyAsync(
            [new SkillCellEdit(employee, task, SkillLevel.None, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.Primary)],
            new Author(null, "テスト"),
            Monday,
            db.CancellationToken));
        await AssertRaisedAsync("the linked manual archived elsewhere", () => SqlAsync("UPDATE manuals SET status = 'Archived' WHERE id = @linked", new { linked }));
        await AssertRaisedAsync("an employee leaving", () => SqlAsync("UPDATE employees SET status = 'Left' WHERE id = @employee", new { employee }));
        await AssertRaisedAsync("a step template edited", () => SqlAsync("UPDATE step_templates SET name = name"));
        await AssertRaisedAsync("a manual unlinked", () => SqlAsync("DELETE FROM task_manuals WHERE task_id = @task", new { task }));
        await AssertRaisedAsync("a task deleted", () => SqlAsync("DELETE FROM business_tasks WHERE id = @task", new { task }));

        await SqlAsync("UPDATE manuals SET title = '別の題名' WHERE id = @unlinked", new { unlinked });
        Assert.Equal(last, await versions.ReadAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReadAsync_ChangeRolledBack_NotRaised(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var versions = db.Services.GetRequiredService<ICoverageVersionStore>();
        var before = await versions.ReadAsync(db.CancellationToken);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE employees SET name = name", transaction: transaction, cancellationToken: db.CancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE business_tasks SET name = name", transaction: transaction, cancellationToken: db.CancellationToken));
            await transaction.RollbackAsync(db.CancellationToken);
        }

        Assert.Equal(before, await versions.ReadAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CoverageReader_KeptUntilVersionRaised_ThenReadAgain(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var services = db.Services;
        var manuals = services.GetRequiredService<IManualStore>();
        var reader = new CoverageReader(
            services.GetRequiredService<ICoverageVersionStore>(),
            services.GetRequiredService<IBusinessTaskStore>(),
            services.GetRequiredService<IEmployeeStore>(),
            services.GetRequiredService<ISkillMatrixStore>(),
            manuals,
            new ManualFactsReader(new TemplateManualCompleteness(manuals, services.GetRequiredService<ITemplateStore>())),
            services.GetRequiredService<ITaskManualConfirmationStore>());
        var manual = await CreateManualAsync(db, "給与計算の手順");
        await CreateTaskAsync(db, "給与計算", Accounting, manual);

        var first = await reader.ReadAsync(db.CancellationToken);
        Assert.Same(first, await reader.ReadAsync(db.CancellationToken));

        // Written past this node's stores, as another node would.
        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE manuals SET status = 'Draft' WHERE id = @manual", new { manual }, cancellationToken: db.CancellationToken));
        }

        var second = await reader.ReadAsync(db.CancellationToken);
        Assert.NotSame(first, second);
        Assert.Equal(ManualStatus.Draft, second.Manuals[manual].Status);
        Assert.Equal(ManualStatus.Draft, second.LinkedManualsById[manual].Status);
    }
}
