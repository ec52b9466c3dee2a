using System.Globalization;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Tests.Coverage;

namespace Manuals.Core.Tests.Handovers;

/// <summary>Drafting a handover from the matrix: which tasks go on it, who is suggested, and the due dates around the effective date.</summary>
public sealed class HandoverPlannerTests
{
    private static readonly DateOnly Today = CoverageFixture.Today;
    private static readonly DateOnly Effective = Today.AddDays(40);
    private static readonly CultureInfo Iso = CultureInfo.InvariantCulture;

    [Fact]
    public void PlanItems_EmployeeIsPrimaryAndOthersCanDoIt_IncludedAsPrimaryOnly()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        fixture.Cell(fixture.Employee("鈴木"), task, SkillLevel.Independent, AssignmentRole.Backup);

        var item = Assert.Single(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));

        Assert.Equal((task.Id, "月次決算", HandoverItemBasis.Primary), (item.TaskId, item.TaskName, item.Basis));
        Assert.Equal(HandoverChecks.None, item.Checks);
    }

    [Fact]
    public void PlanItems_PrimaryWithoutBeingCapable_IncludedAsPrimary()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("請求書発行");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.WithGuidance, AssignmentRole.Primary);

        var item = Assert.Single(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));

        Assert.Equal(HandoverItemBasis.Primary, item.Basis);
    }

    [Fact]
    public void PlanItems_OnlyTheEmployeeIsCapable_IncludedAsOnlyCapable()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("固定資産台帳");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.Independent);
        fixture.Cell(fixture.Employee("鈴木"), task, SkillLevel.WithGuidance, AssignmentRole.Primary);

        var item = Assert.Single(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));

        Assert.Equal(HandoverItemBasis.OnlyCapable, item.Basis);
    }

    [Theory]
    [InlineData(EmployeeStatus.LeavingScheduled, 30)]
    [InlineData(EmployeeStatus.TransferScheduled, 1)]
    [InlineData(EmployeeStatus.Left, null)]
    [InlineData(EmployeeStatus.Transferred, null)]
    [InlineData(EmployeeStatus.OnLeave, null)]
    public void PlanItems_OtherCapablePersonUnavailable_IncludedAsOnlyCapable(EmployeeStatus status, int? inDays)
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("支払処理");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.Independent, AssignmentRole.Backup);
        fixture.Cell(fixture.Employee("鈴木", status, inDays is { } d ? Today.AddDays(d) : null), task, SkillLevel.CanTeach, AssignmentRole.Primary);

        var item = Assert.Single(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));

        Assert.Equal(HandoverItemBasis.OnlyCapable, item.Basis);
    }

    [Fact]
    public void PlanItems_OtherCapablePersonLeavesIn31Days_Excluded()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("支払処理");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.Independent, AssignmentRole.Backup);
        fixture.Cell(fixture.Employee("鈴木", EmployeeStatus.LeavingScheduled, Today.AddDays(31)), task, SkillLevel.Independent);

        Assert.Empty(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void PlanItems_BackupWhileAnotherAvailablePersonIsCapable_Excluded()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("経費精算");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Backup);
        fixture.Cell(fixture.Employee("鈴木"), task, SkillLevel.Independent, AssignmentRole.Primary);

        Assert.Empty(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void PlanItems_NotCapableNotPrimaryAndNobodyElseCapable_Excluded()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("監査対応");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.WithGuidance, AssignmentRole.Backup);

        Assert.Empty(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void PlanItems_PrimaryAndOnlyCapable_BothFlags()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("年末調整");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.Independent, AssignmentRole.Primary);
        fixture.Cell(fixture.Employee("鈴木"), task, SkillLevel.WithGuidance, AssignmentRole.Backup);

        var item = Assert.Single(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective));

        Assert.Equal(HandoverItemBasis.Primary | HandoverItemBasis.OnlyCapable, item.Basis);
    }

    [Fact]
    public void PlanItems_SeveralTasks_KeepTheSnapshotOrderAndSkipTheOthers()
    {
        var fixture = new CoverageFixture();
        var tasks = new[] { fixture.Task("売掛金管理"), fixture.Task("一般事務"), fixture.Task("入金消込"), fixture.Task("月次決算") };
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, tasks[0], SkillLevel.Independent, AssignmentRole.Primary);
        fixture.Cell(yamada, tasks[2], SkillLevel.Independent);
        fixture.Cell(yamada, tasks[3], SkillLevel.WithGuidance, AssignmentRole.Primary);

        var items = HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, Effective);

        Assert.Equal(["売掛金管理", "入金消込", "月次決算"], items.Select(i => i.TaskName));
    }

    [Fact]
    public void PlanItems_Item_CarriesTheSuggestedSuccessorAndDueDates()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算");
        task.Frequency = TaskFrequency.Monthly;
        task.Timing = "毎月末";
        var yamada = fixture.Employee("山田");
        var suzuki = fixture.Employee("鈴木");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        fixture.Cell(suzuki, task, SkillLevel.WithGuidance);

        var item = Assert.Single(HandoverPlanner.PlanItems(yamada.Id, fixture.Snapshot(), Today, new DateOnly(2026, 12, 1)));

        Assert.Equal(suzuki.Id, item.SuccessorId);
        Assert.Equal(new DateOnly(2026, 11, 30), item.DueBefore);
        Assert.Equal(new DateOnly(2026, 12, 31), item.DueAfter);
    }

    [Fact]
    public void SuggestSuccessor_DifferentLevels_HighestLevelFirst()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        fixture.Cell(fixture.Employee("A"), task, SkillLevel.WithGuidance);
        var b = fixture.Employee("B");
        fixture.Cell(b, task, SkillLevel.CanTeach);
        fixture.Cell(fixture.Employee("C"), task, SkillLevel.Independent);

        Assert.Equal(b.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void SuggestSuccessor_SameLevel_FewestPrimaryTasksFirst()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var other1 = fixture.Task("社会保険");
        var other2 = fixture.Task("勤怠管理");
        var yamada = fixture.Employee("山田");
        var busy = fixture.Employee("A");
        var lessBusy = fixture.Employee("B");
        fixture.Cell(busy, task, SkillLevel.Independent);
        fixture.Cell(lessBusy, task, SkillLevel.Independent);
        fixture.Cell(busy, other1, SkillLevel.Independent, AssignmentRole.Primary);
        fixture.Cell(busy, other2, SkillLevel.Independent, AssignmentRole.Primary);
        fixture.Cell(lessBusy, other1, SkillLevel.Independent, AssignmentRole.Backup);
        fixture.Cell(lessBusy, other2, SkillLevel.Independent, AssignmentRole.Primary);

        Assert.Equal(lessBusy.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void SuggestSuccessor_SameLevelAndPrimaryCount_NameInOrdinalOrder()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        var lower = fixture.Employee("alice");
        var upper = fixture.Employee("Bob");
        fixture.Cell(lower, task, SkillLevel.Independent);
        fixture.Cell(upper, task, SkillLevel.Independent);

        // Ordinal: 'B' (U+0042) sorts before 'a' (U+0061); a culture-aware comparison would pick alice.
        Assert.Equal(upper.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void SuggestSuccessor_PredecessorKnowsItBest_NeverThePredecessor()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        var suzuki = fixture.Employee("鈴木");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        fixture.Cell(suzuki, task, SkillLevel.WithGuidance);

        Assert.Equal(suzuki.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Theory]
    [InlineData(EmployeeStatus.Transferred)]
    [InlineData(EmployeeStatus.Left)]
    [InlineData(EmployeeStatus.OnLeave)]
    public void SuggestSuccessor_BestPersonGoneOrOnLeave_Skipped(EmployeeStatus status)
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        fixture.Cell(fixture.Employee("A", status, Today.AddDays(-10)), task, SkillLevel.CanTeach);
        var b = fixture.Employee("B");
        fixture.Cell(b, task, SkillLevel.WithGuidance);

        Assert.Equal(b.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Theory]
    [InlineData(EmployeeStatus.LeavingScheduled, 30, false)]
    [InlineData(EmployeeStatus.TransferScheduled, 30, false)]
    [InlineData(EmployeeStatus.LeavingScheduled, 31, true)]
    [InlineData(EmployeeStatus.TransferScheduled, 31, true)]
    public void SuggestSuccessor_BestPersonLeavesAroundTheEffectiveDate_SkippedWithin30Days(EmployeeStatus status, int daysAfterEffective, bool suggested)
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        // Still available today (the date is more than 30 days from today), but not on the effective date.
        var leaving = fixture.Employee("A", status, Effective.AddDays(daysAfterEffective));
        fixture.Cell(leaving, task, SkillLevel.CanTeach);
        var b = fixture.Employee("B");
        fixture.Cell(b, task, SkillLevel.WithGuidance);

        var successor = HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective);

        Assert.Equal(suggested ? leaving.Id : b.Id, successor);
    }

    [Fact]
    public void SuggestSuccessor_EffectiveDateInThePast_ChecksAvailabilityFromToday()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        var leaving = fixture.Employee("A", EmployeeStatus.LeavingScheduled, Today.AddDays(20));
        fixture.Cell(leaving, task, SkillLevel.CanTeach);
        var b = fixture.Employee("B");
        fixture.Cell(b, task, SkillLevel.WithGuidance);

        Assert.Equal(b.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Today.AddDays(-60)));
    }

    [Fact]
    public void SuggestSuccessor_NobodyKnowsTheTask_SameDepartmentColleagueAtLevelZero()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        var elsewhere = fixture.Employee("A");
        elsewhere.DepartmentId = 2;
        var colleague = fixture.Employee("B");

        Assert.Equal(colleague.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void SuggestSuccessor_OtherDepartmentPersonKnowsTheTask_BeatsLevelZeroColleague()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        var elsewhere = fixture.Employee("B");
        elsewhere.DepartmentId = 2;
        fixture.Cell(elsewhere, task, SkillLevel.WithGuidance);
        fixture.Employee("A");

        Assert.Equal(elsewhere.Id, HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void SuggestSuccessor_OnlyOtherDepartmentsAtLevelZero_Null()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        fixture.Employee("A").DepartmentId = 2;
        fixture.Employee("B", EmployeeStatus.Left, Today.AddDays(-1));

        Assert.Null(HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Fact]
    public void SuggestSuccessor_PredecessorAlone_Null()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算");
        var yamada = fixture.Employee("山田");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);

        Assert.Null(HandoverPlanner.SuggestSuccessor(task, yamada.Id, fixture.Snapshot(), Today, Effective));
    }

    [Theory]
    // 毎月末: the last business day. 2026-11-30 is a Monday; 2026-12-31 a Thursday.
    [InlineData(TaskFrequency.Monthly, "毎月末", "2026-11-21", "2026-12-01", "2026-11-30", "2026-12-31")]
    // Due on the effective date itself is not before it: the successor's first time alone.
    [InlineData(TaskFrequency.Monthly, "毎月末", "2026-11-21", "2026-11-30", null, "2026-11-30")]
    // 毎月第5営業日 across New Year: 2027-01-01 (元日) to 01-03 are off, so the 5th is Friday 2027-01-08.
    [InlineData(TaskFrequency.Monthly, "毎月第5営業日", "2026-12-01", "2027-01-04", "2026-12-07", "2027-01-08")]
    [InlineData(TaskFrequency.Monthly, "毎月第5営業日", "2026-12-20", "2027-01-04", null, "2027-01-08")]
    // 毎週月曜日: 2027-01-11 is 成人の日, so that week's task is due on Tuesday 2027-01-12.
    [InlineData(TaskFrequency.Weekly, "毎週月曜日", "2027-01-04", "2027-01-11", "2027-01-04", "2027-01-12")]
    [InlineData(TaskFrequency.Weekly, "毎週月曜日", "2027-01-05", "2027-01-11", null, "2027-01-12")]
    [InlineData(TaskFrequency.Weekly, "毎週月曜日", "2027-01-05", "2027-01-13", "2027-01-12", "2027-01-18")]
    // An effective date already past: nothing lies between today and it.
    [InlineData(TaskFrequency.Monthly, "毎月末", "2026-11-21", "2026-11-01", null, "2026-11-30")]
    public void DueDates_ComputableTiming_BeforeOnlyWhenDueBeforeTheEffectiveDate(
        TaskFrequency frequency, string timing, string today, string effective, string? before, string after)
    {
        var task = new BusinessTask { Id = 1, DepartmentId = 1, Name = "業務", Frequency = frequency, Timing = timing };

        var dates = HandoverPlanner.DueDates(task, DateOnly.Parse(today, Iso), DateOnly.Parse(effective, Iso));

        Assert.Equal(before is null ? null : DateOnly.Parse(before, Iso), dates.Before);
        Assert.Equal(DateOnly.Parse(after, Iso), dates.After);
    }

    [Theory]
    [InlineData(TaskFrequency.AsNeeded, "随時")]
    [InlineData(TaskFrequency.Monthly, "取締役会の翌週")]
    public void DueDates_NoReadableTiming_BothNull(TaskFrequency frequency, string timing)
    {
        var task = new BusinessTask { Id = 1, DepartmentId = 1, Name = "業務", Frequency = frequency, Timing = timing };

        var dates = HandoverPlanner.DueDates(task, Today, Effective);

        Assert.Equal((null, null), dates);
    }
}
