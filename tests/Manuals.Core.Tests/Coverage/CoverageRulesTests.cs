using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Coverage;

/// <summary>DESIGN.md's coverage table, row by row, and every boundary of "capable" and "usable manual".</summary>
public sealed class CoverageRulesTests
{
    /// <summary>The table: capable people × usable manual × criticality → risk and the verdict the UI explains.</summary>
    public static TheoryData<int, bool, TaskCriticality, CoverageRisk, CoverageVerdict> Table => new()
    {
        // Critical (危険): capable = 0 …
        { 0, false, TaskCriticality.Low, CoverageRisk.Critical, CoverageVerdict.NobodyCapableNoManual },
        { 0, false, TaskCriticality.High, CoverageRisk.Critical, CoverageVerdict.NobodyCapableNoManual },
        { 0, true, TaskCriticality.Low, CoverageRisk.Critical, CoverageVerdict.NobodyCapable },
        { 0, true, TaskCriticality.High, CoverageRisk.Critical, CoverageVerdict.NobodyCapable },
        // … or capable = 1 and no usable manual
        { 1, false, TaskCriticality.Low, CoverageRisk.Critical, CoverageVerdict.OnlyOneCapableNoManual },
        { 1, false, TaskCriticality.Medium, CoverageRisk.Critical, CoverageVerdict.OnlyOneCapableNoManual },
        { 1, false, TaskCriticality.High, CoverageRisk.Critical, CoverageVerdict.OnlyOneCapableNoManual },
        // High (要注意): capable = 1 with a usable manual …
        { 1, true, TaskCriticality.Low, CoverageRisk.High, CoverageVerdict.OnlyOneCapable },
        { 1, true, TaskCriticality.High, CoverageRisk.High, CoverageVerdict.OnlyOneCapable },
        // … or capable ≥ 2, task critical, no usable manual
        { 2, false, TaskCriticality.High, CoverageRisk.High, CoverageVerdict.CriticalTaskNoManual },
        { 4, false, TaskCriticality.High, CoverageRisk.High, CoverageVerdict.CriticalTaskNoManual },
        // Medium (注意): capable ≥ 2 and no usable manual
        { 2, false, TaskCriticality.Medium, CoverageRisk.Medium, CoverageVerdict.NoManual },
        { 2, false, TaskCriticality.Low, CoverageRisk.Medium, CoverageVerdict.NoManual },
        { 5, false, TaskCriticality.Medium, CoverageRisk.Medium, CoverageVerdict.NoManual },
        // Low (良好): capable ≥ 2 and a usable manual, whatever the criticality
        { 2, true, TaskCriticality.High, CoverageRisk.Low, CoverageVerdict.Covered },
        { 2, true, TaskCriticality.Medium, CoverageRisk.Low, CoverageVerdict.Covered },
        { 3, true, TaskCriticality.Low, CoverageRisk.Low, CoverageVerdict.Covered },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Evaluate_TableRow_GivesRiskAndVerdict(
        int capable, bool usableManual, TaskCriticality criticality, CoverageRisk risk, CoverageVerdict verdict)
    {
        var fixture = new CoverageFixture();
        var task = fixture.TaskWith(capable, usableManual, criticality);

        var coverage = fixture.Evaluate(task);

        Assert.Equal(risk, coverage.Risk);
        Assert.Equal(verdict, coverage.Verdict);
        Assert.Equal(capable, coverage.CapableCount);
        Assert.Equal(usableManual, coverage.HasUsableManual);
    }

    [Theory]
    [InlineData(SkillLevel.None, 0)]
    [InlineData(SkillLevel.WithGuidance, 0)]
    [InlineData(SkillLevel.Independent, 1)]
    [InlineData(SkillLevel.CanTeach, 1)]
    public void Evaluate_Level_CountsFromTwo(SkillLevel level, int expectedCapable)
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算");
        fixture.Cell(fixture.Employee("山田 太郎"), task, level, AssignmentRole.Primary);

        Assert.Equal(expectedCapable, fixture.Evaluate(task).CapableCount);
    }

    [Theory]
    [InlineData(EmployeeStatus.Active, null, true)]
    [InlineData(EmployeeStatus.Active, -400, true)]
    [InlineData(EmployeeStatus.TransferScheduled, 31, true)]
    [InlineData(EmployeeStatus.TransferScheduled, 30, false)]
    [InlineData(EmployeeStatus.TransferScheduled, 29, false)]
    [InlineData(EmployeeStatus.TransferScheduled, 0, false)]
    [InlineData(EmployeeStatus.TransferScheduled, -5, false)]
    [InlineData(EmployeeStatus.TransferScheduled, null, false)]
    [InlineData(EmployeeStatus.LeavingScheduled, 90, true)]
    [InlineData(EmployeeStatus.LeavingScheduled, 31, true)]
    [InlineData(EmployeeStatus.LeavingScheduled, 30, false)]
    [InlineData(EmployeeStatus.LeavingScheduled, 1, false)]
    [InlineData(EmployeeStatus.LeavingScheduled, null, false)]
    [InlineData(EmployeeStatus.Transferred, 365, false)]
    [InlineData(EmployeeStatus.Transferred, -30, false)]
    [InlineData(EmployeeStatus.Left, 365, false)]
    [InlineData(EmployeeStatus.Left, -30, false)]
    public void Evaluate_EmployeeStatus_CountsOnlyThoseStayingMoreThan30Days(EmployeeStatus status, int? daysUntilDate, bool counts)
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var date = daysUntilDate is { } days ? CoverageFixture.Today.AddDays(days) : (DateOnly?)null;
        fixture.Cell(fixture.Employee("鈴木 花子", status, date), task, SkillLevel.CanTeach, AssignmentRole.Primary);

        Assert.Equal(counts, CoverageRules.IsAvailable(fixture.Employees[0], CoverageFixture.Today));
        Assert.Equal(counts ? 1 : 0, fixture.Evaluate(task).CapableCount);
    }

    [Fact]
    public void Evaluate_LeaverReaches30DaysBeforeLeaving_StopsCountingThatDay()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("年末調整", TaskCriticality.High, fixture.Manual(dueIn: TimeSpan.FromDays(100)));
        fixture.Cell(fixture.Employee("佐藤 健", EmployeeStatus.LeavingScheduled, CoverageFixture.Today.AddDays(31)), task, SkillLevel.Independent);
        fixture.Cell(fixture.Employee("高橋 愛"), task, SkillLevel.Independent);
        var snapshot = fixture.Snapshot();

        var before = snapshot.Evaluate(CoverageFixture.Moment).Find(task.Id)!;
        var dayLater = snapshot.Evaluate(new CoverageMoment(CoverageFixture.Now.AddDays(1), CoverageFixture.Today.AddDays(1))).Find(task.Id)!;

        Assert.Equal(CoverageRisk.Low, before.Risk);
        Assert.Equal(CoverageRisk.High, dayLater.Risk);
        Assert.Equal(["高橋 愛"], dayLater.Capable.Select(e => e.Name));
    }

    [Theory]
    [InlineData(ManualStatus.Published, 1.0, true, ManualUsability.Usable)]
    [InlineData(ManualStatus.Published, 0.00001, true, ManualUsability.Usable)]
    [InlineData(ManualStatus.Published, 0.0, true, ManualUsability.ReviewOverdue)]
    [InlineData(ManualStatus.Published, -30.0, true, ManualUsability.ReviewOverdue)]
    [InlineData(ManualStatus.Published, 100.0, false, ManualUsability.Incomplete)]
    [InlineData(ManualStatus.Draft, 100.0, true, ManualUsability.Draft)]
    [InlineData(ManualStatus.Archived, 100.0, true, ManualUsability.Archived)]
    public void Evaluate_LinkedManual_UsableOnlyWhenPublishedReviewedAndComplete(
        ManualStatus status, double dueInDays, bool complete, ManualUsability expected)
    {
        var fixture = new CoverageFixture();
        var task = fixture.TaskWith(2, usableManual: false, TaskCriticality.Medium);
        task.ManualIds = [fixture.Manual(status, TimeSpan.FromDays(dueInDays), complete)];

        var coverage = fixture.Evaluate(task);

        Assert.Equal(expected, Assert.Single(coverage.Manuals).Usability);
        Assert.Equal(expected == ManualUsability.Usable ? CoverageRisk.Low : CoverageRisk.Medium, coverage.Risk);
    }

    [Fact]
    public void Evaluate_ReviewDueExactlyNowFromReviewSchedule_IsOverdue()
    {
        var fixture = new CoverageFixture();
        var task = fixture.TaskWith(2, usableManual: false, TaskCriticality.Medium);
        var reviewed = CoverageFixture.Now.AddDays(-180);
        fixture.Manuals[99] = new ManualFacts(99, ManualStatus.Published, ReviewSchedule.DueAt(reviewed.AddDays(-400), reviewed, 180), true);
        fixture.Manuals[100] = new ManualFacts(100, ManualStatus.Published, ReviewSchedule.DueAt(reviewed.AddDays(-400), reviewed.AddMinutes(1), 180), true);

        task.ManualIds = [99];
        var exactlyDue = fixture.Evaluate(task);
        task.ManualIds = [100];
        var dueInAMinute = fixture.Evaluate(task);

        Assert.Equal(ManualUsability.ReviewOverdue, exactlyDue.Manuals[0].Usability);
        Assert.Equal(ManualUsability.Usable, dueInAMinute.Manuals[0].Usability);
    }

    [Fact]
    public void Evaluate_OneUsableAmongUnusable_CountsAsUsable()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("請求書発行", TaskCriticality.High,
            fixture.Manual(ManualStatus.Draft), fixture.Manual(ManualStatus.Archived), fixture.Manual(), fixture.Manual(dueIn: TimeSpan.FromDays(-1)));
        fixture.Cell(fixture.Employee("田中 一郎"), task, SkillLevel.Independent);

        var coverage = fixture.Evaluate(task);

        Assert.Equal(CoverageRisk.High, coverage.Risk);
        Assert.Equal(CoverageVerdict.OnlyOneCapable, coverage.Verdict);
        Assert.Equal(ManualAction.None, coverage.ManualAction);
    }

    [Fact]
    public void Evaluate_LinkedManualUnknown_IsMissingAndNotUsable()
    {
        var fixture = new CoverageFixture();
        var task = fixture.TaskWith(2, usableManual: false, TaskCriticality.Low);
        task.ManualIds = [12345];

        var coverage = fixture.Evaluate(task);

        Assert.Equal(ManualUsability.Missing, Assert.Single(coverage.Manuals).Usability);
        Assert.Equal(ManualAction.Write, coverage.ManualAction);
    }

    [Theory]
    [InlineData(new[] { ManualUsability.Draft, ManualUsability.ReviewOverdue }, ManualAction.Review)]
    [InlineData(new[] { ManualUsability.Incomplete, ManualUsability.Draft }, ManualAction.Complete)]
    [InlineData(new[] { ManualUsability.Incomplete, ManualUsability.ReviewOverdue }, ManualAction.Review)]
    [InlineData(new[] { ManualUsability.Draft, ManualUsability.Archived }, ManualAction.Publish)]
    [InlineData(new[] { ManualUsability.Archived }, ManualAction.Write)]
    [InlineData(new ManualUsability[0], ManualAction.Write)]
    public void Evaluate_NoUsableManual_SuggestsTheCheapestFix(ManualUsability[] linked, ManualAction expected)
    {
        var fixture = new CoverageFixture();
        var task = fixture.TaskWith(2, usableManual: false, TaskCriticality.Low);
        task.ManualIds = linked.Select(state => state switch
        {
            ManualUsability.Draft => fixture.Manual(ManualStatus.Draft),
            ManualUsability.Archived => fixture.Manual(ManualStatus.Archived),
            ManualUsability.Incomplete => fixture.Manual(complete: false),
            _ => fixture.Manual(dueIn: TimeSpan.FromDays(-3)),
        }).ToList();

        Assert.Equal(expected, fixture.Evaluate(task).ManualAction);
    }

    [Theory]
    [InlineData(0, false, "NobodyCapableNoManual", "Write.TrainSomeone")]
    [InlineData(0, true, "NobodyCapable", "None.TrainSomeone")]
    [InlineData(1, false, "OnlyOneCapableNoManual", "Write.TrainBackup")]
    [InlineData(1, true, "OnlyOneCapable", "None.TrainBackup")]
    [InlineData(2, false, "NoManual", "Write.None")]
    [InlineData(2, true, "Covered", "None.None")]
    public void Evaluate_Messages_CarryVerdictFixAndArguments(int capable, bool usableManual, string verdict, string fix)
    {
        var fixture = new CoverageFixture();
        var task = fixture.TaskWith(capable, usableManual, TaskCriticality.Low);

        var coverage = fixture.Evaluate(task);

        Assert.Equal(verdict, coverage.VerdictMessage.Code);
        Assert.Equal(fix, coverage.FixMessage.Code);
        Assert.Equal(capable, coverage.VerdictMessage.Arguments[0]);
        Assert.Equal(capable == 1 ? "担当者1" : "", coverage.VerdictMessage.Arguments[1]);
    }

    [Fact]
    public void Evaluate_CellsOfOtherTasksAndUnknownEmployees_AreIgnored()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("社会保険手続き");
        var other = fixture.Task("入社手続き");
        var employee = fixture.Employee("中村 由美");
        fixture.Cell(employee, other, SkillLevel.CanTeach);
        fixture.Cells.Add(new SkillCell(9999, task.Id, SkillLevel.CanTeach, AssignmentRole.Primary));

        Assert.Equal(0, fixture.Evaluate(task).CapableCount);
    }

    [Fact]
    public void Evaluate_Capable_OrderedByLevelThenPrimaryThenName()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("支払処理");
        fixture.Cell(fixture.Employee("B 副"), task, SkillLevel.Independent, AssignmentRole.Backup);
        fixture.Cell(fixture.Employee("C 主"), task, SkillLevel.Independent, AssignmentRole.Primary);
        fixture.Cell(fixture.Employee("A 達人"), task, SkillLevel.CanTeach);

        Assert.Equal(["A 達人", "C 主", "B 副"], fixture.Evaluate(task).Capable.Select(e => e.Name));
    }

    [Fact]
    public void CoverageMoment_At_UsesTheCompanyCalendarDay()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var lateEveningUtc = new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 1), CoverageMoment.At(lateEveningUtc, tokyo).Today);
    }
}
