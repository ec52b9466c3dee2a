using Dapper;
using Manuals.Core.Coverage;
using Manuals.Data;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>
/// The node keeps its coverage snapshot between requests; these changes are written past its stores (as another node or
/// a tool would) after a page was shown, and the next request must show them.
/// </summary>
public sealed class CoverageFreshnessTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Matrix_CellManualAndTaskChangedElsewhere_ShownOnNextRequest()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var task = await TaskAsync(factory, "月次決算（仮締め）");
        await MarkReviewedAsync(factory, "月次決算の手順");
        var active = (await factory.Services.GetRequiredService<IEmployeeStore>().ListAsync(1, CancellationToken.None))
            .Where(e => e.Status == EmployeeStatus.Active)
            .Select(e => e.Id)
            .ToHashSet();
        var cell = (await factory.Services.GetRequiredService<ISkillMatrixStore>().ListCellsAsync(1, CancellationToken.None))
            .First(c => c.Level < SkillLevel.CanTeach && active.Contains(c.EmployeeId));
        const string matrix = "/coverage/matrix?department=1";
        var (_, before) = await admin.GetAsync(matrix);
        var select = $"select[data-employee='{cell.EmployeeId}'][data-task='{cell.TaskId}']";
        Assert.DoesNotMatch("^3", before.QuerySelector(select)!.GetAttribute("data-value")!);
        Assert.Contains("要注意", before.QuerySelector($"[data-task-risk='{task.Id}']")!.TextContent, StringComparison.Ordinal);

        await SqlAsync("UPDATE manuals SET status = 'Archived' WHERE title = '月次決算の手順'");
        var (_, afterManual) = await admin.GetAsync(matrix);
        Assert.Contains("危険", afterManual.QuerySelector($"[data-task-risk='{task.Id}']")!.TextContent, StringComparison.Ordinal);

        await SqlAsync(
            "UPDATE skill_cells SET level = 3 WHERE employee_id = @EmployeeId AND task_id = @TaskId", new { cell.EmployeeId, cell.TaskId });
        var (_, afterCell) = await admin.GetAsync(matrix);
        Assert.StartsWith("3", afterCell.QuerySelector(select)!.GetAttribute("data-value"), StringComparison.Ordinal);

        var added = await factory.Services.GetRequiredService<IBusinessTaskStore>().CreateAsync(
            new BusinessTask
            {
                DepartmentId = 1,
                Name = "新しく登録した業務",
                Description = "",
                Frequency = TaskFrequency.Monthly,
                Timing = "",
                Criticality = TaskCriticality.Low,
                ManualIds = [],
            },
            factory.Clock.GetUtcNow(),
            CancellationToken.None);
        var (_, afterTask) = await admin.GetAsync(matrix);
        Assert.NotNull(afterTask.QuerySelector($"a[href='/tasks/{added}']"));
    }

    private async Task SqlAsync(string sql, object? parameters = null)
    {
        await using var connection = await factory.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }
}
