using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Core.Tests.Coverage;

namespace Manuals.Core.Tests.Handovers;

/// <summary>Progress (ticked boxes of all boxes) and the warnings a handover shows against today's coverage.</summary>
public sealed class HandoverAssessmentTests
{
    private static readonly DateOnly Today = CoverageFixture.Today;

    [Fact]
    public void Of_ItemsAndCommonItems_CountsFourBoxesPerItemPlusOnePerCommonItem()
    {
        var fixture = new CoverageFixture();
        var a = fixture.Task("A", TaskCriticality.Medium, fixture.Manual());
        var b = fixture.Task("B", TaskCriticality.Medium, fixture.Manual());
        var successor = fixture.Employee("鈴木");
        var handover = Handover(
            fixture.Employee("山田"),
            [
                Item(a, successor, HandoverChecks.ManualChecked | HandoverChecks.DoneTogether | HandoverChecks.AccessTransferred),
                Item(b, successor, HandoverChecks.DoneAlone),
            ],
            [
                new(CommonItemKind.Accounts, "", true),
                new(CommonItemKind.FileLocations, "", false),
                new(CommonItemKind.Contacts, "", true),
                new(CommonItemKind.WorkInProgress, "", false),
                new(CommonItemKind.Equipment, "", false),
            ]);

        var assessment = Assess(handover, fixture);

        Assert.Equal((6, 13), (assessment.DoneBoxes, assessment.TotalBoxes));
        Assert.Equal(46, assessment.Percent);
        Assert.Empty(assessment.Warnings);
    }

    [Fact]
    public void Of_EverythingTicked_HundredPercent()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("A", TaskCriticality.Medium, fixture.Manual());
        var all = HandoverChecks.ManualChecked | HandoverChecks.DoneTogether | HandoverChecks.DoneAlone | HandoverChecks.AccessTransferred;
        var handover = Handover(fixture.Employee("山田"), [Item(task, fixture.Employee("鈴木"), all)], [new(CommonItemKind.Accounts, "", true)]);

        var assessment = Assess(handover, fixture);

        Assert.Equal((5, 5, 100), (assessment.DoneBoxes, assessment.TotalBoxes, assessment.Percent));
    }

    [Fact]
    public void Of_NoBoxes_ZeroPercent()
    {
        var fixture = new CoverageFixture();

        var assessment = Assess(Handover(fixture.Employee("山田"), [], []), fixture);

        Assert.Equal((0, 0, 0), (assessment.DoneBoxes, assessment.TotalBoxes, assessment.Percent));
    }

    [Fact]
    public void Of_ItemWithoutSuccessor_WarnsNoSuccessor()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.Medium, fixture.Manual());

        var assessment = Assess(Handover(fixture.Employee("山田"), [Item(task, null)], []), fixture);

        Assert.Equal([new HandoverWarning(HandoverWarningKind.NoSuccessor, task.Id, "月次決算")], assessment.Warnings);
    }

    [Theory]
    [InlineData(ManualStatus.Draft, 1, false)]
    [InlineData(ManualStatus.Published, -1, false)]
    [InlineData(ManualStatus.Published, 1, true)]
    [InlineData(ManualStatus.Archived, 1, false)]
    public void Of_TaskWithoutUsableManual_WarnsNoUsableManual(ManualStatus status, int dueInDays, bool incomplete)
    {
        var fixture = new CoverageFixture();
        var manual = fixture.Manual(status, TimeSpan.FromDays(dueInDays), complete: !incomplete);
        var task = fixture.Task("月次決算", TaskCriticality.Medium, manual);

        var assessment = Assess(Handover(fixture.Employee("山田"), [Item(task, fixture.Employee("鈴木"))], []), fixture);

        Assert.Equal([new HandoverWarning(HandoverWarningKind.NoUsableManual, task.Id, "月次決算")], assessment.Warnings);
    }

    [Fact]
    public void Of_TaskWithNoManualLinked_WarnsNoUsableManual()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算");

        var assessment = Assess(Handover(fixture.Employee("山田"), [Item(task, fixture.Employee("鈴木"))], []), fixture);

        Assert.Equal([HandoverWarningKind.NoUsableManual], assessment.Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void Of_DueBeforeEffectiveDate_WarnsWithTheDate()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.Medium, fixture.Manual());
        var item = Item(task, fixture.Employee("鈴木"));
        item.DueBefore = Today.AddDays(9);
        var handover = Handover(fixture.Employee("山田"), [item], []);
        handover.EffectiveDate = Today.AddDays(10);

        var assessment = Assess(handover, fixture);

        Assert.Equal([new HandoverWarning(HandoverWarningKind.DueBeforeEffectiveDate, task.Id, "月次決算", Today.AddDays(9))], assessment.Warnings);
    }

    [Fact]
    public void Of_DueOnTheEffectiveDate_NoWarning()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.Medium, fixture.Manual());
        var item = Item(task, fixture.Employee("鈴木"));
        item.DueBefore = Today.AddDays(10);
        var handover = Handover(fixture.Employee("山田"), [item], []);
        handover.EffectiveDate = Today.AddDays(10);

        Assert.Empty(Assess(handover, fixture).Warnings);
    }

    [Fact]
    public void Of_DueBeforeEffectiveDateButCompleted_NoWarning()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.Medium, fixture.Manual());
        var item = Item(task, fixture.Employee("鈴木"));
        item.DueBefore = Today.AddDays(9);
        var handover = Handover(fixture.Employee("山田"), [item], []);
        handover.EffectiveDate = Today.AddDays(10);
        handover.Status = HandoverStatus.Completed;

        Assert.Empty(Assess(handover, fixture).Warnings);
    }

    [Theory]
    [InlineData(EmployeeStatus.OnLeave, null)]
    [InlineData(EmployeeStatus.Left, -1)]
    [InlineData(EmployeeStatus.Transferred, -1)]
    [InlineData(EmployeeStatus.LeavingScheduled, 30)]
    [InlineData(EmployeeStatus.TransferScheduled, 5)]
    public void Of_SuccessorUnavailable_WarnsSuccessorUnavailable(EmployeeStatus status, int? inDays)
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.Medium, fixture.Manual());
        var successor = fixture.Employee("鈴木", status, inDays is { } d ? Today.AddDays(d) : null);

        var assessment = Assess(Handover(fixture.Employee("山田"), [Item(task, successor)], []), fixture);

        Assert.Equal([new HandoverWarning(HandoverWarningKind.SuccessorUnavailable, task.Id, "月次決算")], assessment.Warnings);
    }

    [Fact]
    public void Of_SuccessorLeavingLater_NoWarning()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.Medium, fixture.Manual());
        // The handover takes effect in 40 days; the successor leaves 31 days after that.
        var successor = fixture.Employee("鈴木", EmployeeStatus.LeavingScheduled, Today.AddDays(71));

        Assert.Empty(Assess(Handover(fixture.Employee("山田"), [Item(task, successor)], []), fixture).Warnings);
    }

    [Fact]
    public void Of_SuccessorLeavingSoonAfterEffectiveDate_WarnsSuccessorUnavailable()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.Medium, fixture.Manual());
        // Still counted today (60 days away), but within 30 days of the effective date (in 40 days).
        var successor = fixture.Employee("鈴木", EmployeeStatus.LeavingScheduled, Today.AddDays(60));

        var assessment = Assess(Handover(fixture.Employee("山田"), [Item(task, successor)], []), fixture);

        Assert.Equal([new HandoverWarning(HandoverWarningKind.SuccessorUnavailable, task.Id, "月次決算")], assessment.Warnings);
    }

    [Fact]
    public void Of_SeveralProblems_WarningsInKindOrder()
    {
        var fixture = new CoverageFixture();
        var first = fixture.Task("A", TaskCriticality.Medium, fixture.Manual());
        var second = fixture.Task("B");
        var late = Item(first, fixture.Employee("休職者", EmployeeStatus.OnLeave));
        late.DueBefore = Today.AddDays(1);
        var handover = Handover(fixture.Employee("山田"), [late, Item(second, null)], []);
        handover.EffectiveDate = Today.AddDays(10);

        var assessment = Assess(handover, fixture);

        Assert.Equal(
            [
                (HandoverWarningKind.NoSuccessor, second.Id),
                (HandoverWarningKind.NoUsableManual, second.Id),
                (HandoverWarningKind.DueBeforeEffectiveDate, first.Id),
                (HandoverWarningKind.SuccessorUnavailable, first.Id),
            ],
            assessment.Warnings.Select(w => (w.Kind, w.TaskId)));
    }

    private static HandoverAssessment Assess(Handover handover, CoverageFixture fixture)
    {
        var snapshot = fixture.Snapshot();
        return HandoverAssessment.Of(handover, snapshot, snapshot.Evaluate(CoverageFixture.Moment), Today);
    }

    private static Handover Handover(Employee employee, IReadOnlyList<HandoverItem> items, IReadOnlyList<HandoverCommonItem> commonItems) => new()
    {
        Id = 1,
        EmployeeId = employee.Id,
        EmployeeName = employee.Name,
        DepartmentId = employee.DepartmentId,
        Reason = HandoverReason.Transfer,
        EffectiveDate = Today.AddDays(40),
        Status = HandoverStatus.InProgress,
        Version = 1,
        Items = items,
        CommonItems = commonItems,
    };

    private static HandoverItem Item(BusinessTask task, Employee? successor, HandoverChecks checks = HandoverChecks.None) => new()
    {
        TaskId = task.Id,
        TaskName = task.Name,
        Basis = HandoverItemBasis.Primary,
        SuccessorId = successor?.Id,
        Checks = checks,
    };
}
