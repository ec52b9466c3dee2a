using Manuals.Core.Coverage;

namespace Manuals.Core.Tests.Coverage;

public sealed class CoverageReportTests
{
    [Fact]
    public void CountByRisk_Department_CountsEveryRiskIncludingZero()
    {
        var fixture = new CoverageFixture();
        fixture.TaskWith(0, false, TaskCriticality.Low);
        fixture.TaskWith(0, true, TaskCriticality.Low);
        fixture.TaskWith(2, false, TaskCriticality.Low);
        var elsewhere = fixture.TaskWith(2, true, TaskCriticality.Low);
        elsewhere.DepartmentId = 2;

        var report = fixture.Snapshot().Evaluate(CoverageFixture.Moment);

        var counts = report.CountByRisk(1);
        Assert.Equal(2, counts[CoverageRisk.Critical]);
        Assert.Equal(0, counts[CoverageRisk.High]);
        Assert.Equal(1, counts[CoverageRisk.Medium]);
        Assert.Equal(0, counts[CoverageRisk.Low]);
        Assert.Equal(1, report.CountByRisk(2)[CoverageRisk.Low]);
        Assert.Equal(4, report.CountByRisk().Values.Sum());
    }

    [Fact]
    public void SoleCapable_ListsPeopleWhoAloneCanDoATask_MostTasksFirst()
    {
        var fixture = new CoverageFixture();
        var yamada = fixture.Employee("山田 太郎");
        var suzuki = fixture.Employee("鈴木 花子");
        var closing = fixture.Task("月次決算");
        var payroll = fixture.Task("給与計算");
        var invoices = fixture.Task("請求書発行");
        var shared = fixture.Task("経費精算");
        fixture.Cell(yamada, closing, SkillLevel.CanTeach);
        fixture.Cell(yamada, payroll, SkillLevel.Independent);
        fixture.Cell(suzuki, invoices, SkillLevel.Independent);
        fixture.Cell(suzuki, shared, SkillLevel.Independent);
        fixture.Cell(yamada, shared, SkillLevel.Independent);

        var sole = fixture.Snapshot().Evaluate(CoverageFixture.Moment).SoleCapable();

        Assert.Equal(["山田 太郎", "鈴木 花子"], sole.Select(s => s.Employee.Name));
        Assert.Equal(["月次決算", "給与計算"], sole[0].Tasks.Select(t => t.Name));
        Assert.Equal(["請求書発行"], sole[1].Tasks.Select(t => t.Name));
    }

    [Fact]
    public void AtRisk_OrdersWorstFirstThenCriticalTasks()
    {
        var fixture = new CoverageFixture();
        var medium = fixture.TaskWith(2, false, TaskCriticality.Low);
        medium.Name = "C";
        var criticalLow = fixture.TaskWith(0, false, TaskCriticality.Low);
        criticalLow.Name = "B";
        var criticalHigh = fixture.TaskWith(0, false, TaskCriticality.High);
        criticalHigh.Name = "Z";

        var list = fixture.Snapshot().Evaluate(CoverageFixture.Moment).AtRisk(CoverageRisk.Critical, CoverageRisk.High);

        Assert.Equal(["Z", "B"], list.Select(t => t.Task.Name));
    }
}
