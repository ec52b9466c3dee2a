using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Core.Tests.Coverage;

namespace Manuals.Core.Tests.Handovers;

/// <summary>What completing a handover changes: matrix cells, manual owners and the predecessor's status.</summary>
public sealed class HandoverCompletionTests
{
    private const long PredecessorUser = 100;
    private const long SuccessorUser = 200;
    private static readonly DateOnly Today = CoverageFixture.Today;

    [Fact]
    public void Plan_DoneAlone_RaisesSuccessorToLevelTwo()
    {
        var (fixture, task, yamada, suzuki) = Setup();
        fixture.Cell(yamada, task, SkillLevel.CanTeach);
        fixture.Cell(suzuki, task, SkillLevel.WithGuidance);

        var plan = Plan(fixture, yamada, Item(task, suzuki, HandoverChecks.DoneAlone));

        Assert.Equal(
            [new SkillCellEdit(suzuki.Id, task.Id, SkillLevel.WithGuidance, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.None)],
            plan.MatrixEdits);
    }

    [Fact]
    public void Plan_DoneAloneWithoutACell_WritesFromEmpty()
    {
        var (fixture, task, yamada, suzuki) = Setup();
        fixture.Cell(yamada, task, SkillLevel.CanTeach);

        var plan = Plan(fixture, yamada, Item(task, suzuki, HandoverChecks.DoneAlone | HandoverChecks.ManualChecked));

        Assert.Equal(
            [new SkillCellEdit(suzuki.Id, task.Id, SkillLevel.None, AssignmentRole.None, SkillLevel.Independent, AssignmentRole.None)],
            plan.MatrixEdits);
    }

    [Fact]
    public void Plan_DoneAloneByALevelThree_LevelNotLowered()
    {
        var (fixture, task, yamada, suzuki) = Setup();
        fixture.Cell(yamada, task, SkillLevel.CanTeach);
        fixture.Cell(suzuki, task, SkillLevel.CanTeach);

        var plan = Plan(fixture, yamada, Item(task, suzuki, HandoverChecks.DoneAlone));

        Assert.Empty(plan.MatrixEdits);
    }

    [Fact]
    public void Plan_EveryBoxButDoneAlone_LevelUnchanged()
    {
        var (fixture, task, yamada, suzuki) = Setup();
        fixture.Cell(yamada, task, SkillLevel.CanTeach);
        fixture.Cell(suzuki, task, SkillLevel.WithGuidance);

        var plan = Plan(fixture, yamada, Item(task, suzuki, HandoverChecks.ManualChecked | HandoverChecks.DoneTogether | HandoverChecks.AccessTransferred));

        Assert.Empty(plan.MatrixEdits);
    }

    [Fact]
    public void Plan_PredecessorIsPrimary_RoleMovesToSuccessorAndPredecessorKeepsLevel()
    {
        var (fixture, task, yamada, suzuki) = Setup();
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        fixture.Cell(suzuki, task, SkillLevel.Independent, AssignmentRole.Backup);

        var plan = Plan(fixture, yamada, Item(task, suzuki, HandoverChecks.DoneAlone));

        Assert.Equal(
            [
                new SkillCellEdit(suzuki.Id, task.Id, SkillLevel.Independent, AssignmentRole.Backup, SkillLevel.Independent, AssignmentRole.Primary),
                new SkillCellEdit(yamada.Id, task.Id, SkillLevel.CanTeach, AssignmentRole.Primary, SkillLevel.CanTeach, AssignmentRole.None),
            ],
            plan.MatrixEdits);
    }

    [Fact]
    public void Plan_PredecessorIsBackupAndSuccessorHasNoRole_BackupMoves()
    {
        var (fixture, task, yamada, suzuki) = Setup();
        fixture.Cell(yamada, task, SkillLevel.Independent, AssignmentRole.Backup);
        fixture.Cell(suzuki, task, SkillLevel.WithGuidance);

        var plan = Plan(fixture, yamada, Item(task, suzuki));

        Assert.Equal(
            [
                new SkillCellEdit(suzuki.Id, task.Id, SkillLevel.WithGuidance, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.Backup),
                new SkillCellEdit(yamada.Id, task.Id, SkillLevel.Independent, AssignmentRole.Backup, SkillLevel.Independent, AssignmentRole.None),
            ],
            plan.MatrixEdits);
    }

    [Fact]
    public void Plan_PredecessorIsBackupAndSuccessorIsPrimary_SuccessorKeepsPrimary()
    {
        var (fixture, task, yamada, suzuki) = Setup();
        fixture.Cell(yamada, task, SkillLevel.Independent, AssignmentRole.Backup);
        fixture.Cell(suzuki, task, SkillLevel.CanTeach, AssignmentRole.Primary);

        var plan = Plan(fixture, yamada, Item(task, suzuki));

        Assert.Equal(
            [new SkillCellEdit(yamada.Id, task.Id, SkillLevel.Independent, AssignmentRole.Backup, SkillLevel.Independent, AssignmentRole.None)],
            plan.MatrixEdits);
    }

    [Fact]
    public void Plan_ItemWithoutSuccessor_NoEditsAndPredecessorKeepsRole()
    {
        var (fixture, task, yamada, _) = Setup();
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);

        var plan = Plan(fixture, yamada, Item(task, null, HandoverChecks.DoneAlone));

        Assert.Empty(plan.MatrixEdits);
        Assert.Empty(plan.OwnerMoves);
    }

    [Fact]
    public void Plan_SuccessorNoLongerInTheSnapshot_NoEdits()
    {
        var (fixture, task, yamada, _) = Setup();
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        var gone = new Employee { Id = 999, Name = "削除済" };

        var plan = Plan(fixture, yamada, Item(task, gone, HandoverChecks.DoneAlone));

        Assert.Empty(plan.MatrixEdits);
    }

    [Fact]
    public void Plan_LinkedManuals_OwnedByPredecessorOrNobodyMoveToSuccessor()
    {
        var (fixture, _, yamada, suzuki) = Setup();
        var owned = Manual(1, "月次決算手順", PredecessorUser, "山田");
        var orphan = Manual(2, "仕訳入力", null, null);
        var someoneElses = Manual(3, "経費精算", 300, "佐藤");
        var already = Manual(4, "締め日程", SuccessorUser, "鈴木");
        var task = fixture.Task("月次決算", TaskCriticality.Medium, 1, 2, 3, 4);

        var plan = Plan(fixture, yamada, [owned, orphan, someoneElses, already], Item(task, suzuki));

        Assert.Equal(
            [
                new ManualOwnerMove(1, "月次決算手順", PredecessorUser, "山田", SuccessorUser, "鈴木"),
                new ManualOwnerMove(2, "仕訳入力", null, "", SuccessorUser, "鈴木"),
            ],
            plan.OwnerMoves.OrderBy(m => m.ManualId));
        Assert.Empty(plan.SuccessorsWithoutAccount);
    }

    [Fact]
    public void Plan_ActorMayNotEditTheManual_OwnerStaysAndOnlyCounted()
    {
        var (fixture, _, yamada, suzuki) = Setup();
        var ofOther = Manual(1, "他部署の手順", null, null, OtherDepartment);
        var ofOwn = Manual(2, "自部署の手順", null, null, OwnDepartment);
        var task = fixture.Task("A", TaskCriticality.Medium, 1, 2);
        var editorOfOwn = Rights(Person(50, Roles.Editor, OwnDepartment), Person(SuccessorUser, Roles.Reader, OwnDepartment));

        var plan = Plan(fixture, yamada, [ofOther, ofOwn], editorOfOwn, Item(task, suzuki));

        Assert.Equal([2L], plan.OwnerMoves.Select(m => m.ManualId));
        Assert.Equal(1, plan.NotEditableCount);
        Assert.Empty(plan.NotReadableBySuccessor);
    }

    [Fact]
    public void Plan_SuccessorMayNotReadTheManual_OwnerStaysAndReported()
    {
        var (fixture, _, yamada, suzuki) = Setup();
        var departmentOnly = Manual(1, "部署限定の手順", PredecessorUser, "山田", OwnDepartment, ManualVisibility.Department);
        var draft = Manual(2, "下書きの手順", PredecessorUser, "山田", OwnDepartment, ManualVisibility.Company, ManualStatus.Draft);
        var companyWide = Manual(3, "全社公開の手順", PredecessorUser, "山田", OwnDepartment);
        var task = fixture.Task("A", TaskCriticality.Medium, 1, 2, 3);
        var readerElsewhere = Rights(Person(1, Roles.Admin, OwnDepartment), Person(SuccessorUser, Roles.Reader, OtherDepartment));

        var plan = Plan(fixture, yamada, [departmentOnly, draft, companyWide], readerElsewhere, Item(task, suzuki));

        Assert.Equal([3L], plan.OwnerMoves.Select(m => m.ManualId));
        Assert.Equal([1L, 2L], plan.NotReadableBySuccessor.Select(m => m.ManualId).Order());
        Assert.Equal(0, plan.NotEditableCount);
    }

    [Fact]
    public void Plan_SuccessorAccountDisabled_NothingMovesToIt()
    {
        var (fixture, _, yamada, suzuki) = Setup();
        var task = fixture.Task("A", TaskCriticality.Medium, 1);
        var noAccounts = Rights(Person(1, Roles.Admin, OwnDepartment));

        var plan = Plan(fixture, yamada, [Manual(1, "手順", PredecessorUser, "山田")], noAccounts, Item(task, suzuki));

        Assert.Empty(plan.OwnerMoves);
        Assert.Equal([1L], plan.NotReadableBySuccessor.Select(m => m.ManualId));
    }

    [Fact]
    public void Plan_ManualLinkedToTwoHandedOverTasks_MovesOnce()
    {
        var (fixture, _, yamada, suzuki) = Setup();
        var first = fixture.Task("A", TaskCriticality.Medium, 1);
        var second = fixture.Task("B", TaskCriticality.Medium, 1);

        var plan = Plan(fixture, yamada, [Manual(1, "共通手順", PredecessorUser, "山田")], Item(first, suzuki), Item(second, suzuki));

        Assert.Equal([1L], plan.OwnerMoves.Select(m => m.ManualId));
    }

    [Fact]
    public void Plan_SuccessorWithoutAccount_ReportedOnceAndNothingMoves()
    {
        var (fixture, _, yamada, _) = Setup();
        var tanaka = fixture.Employee("田中");
        var first = fixture.Task("A", TaskCriticality.Medium, 1);
        var second = fixture.Task("B", TaskCriticality.Medium, 2, 3);

        var plan = Plan(
            fixture,
            yamada,
            [Manual(1, "A手順", PredecessorUser, "山田"), Manual(2, "B手順", null, null), Manual(3, "B補足", 300, "佐藤")],
            Item(first, tanaka),
            Item(second, tanaka));

        Assert.Empty(plan.OwnerMoves);
        Assert.Equal(["田中"], plan.SuccessorsWithoutAccount);
    }

    [Fact]
    public void Plan_SuccessorWithoutAccountAndOnlyOthersManuals_NotReported()
    {
        var (fixture, _, yamada, _) = Setup();
        var tanaka = fixture.Employee("田中");
        var task = fixture.Task("A", TaskCriticality.Medium, 1);

        var plan = Plan(fixture, yamada, [Manual(1, "A手順", 300, "佐藤")], Item(task, tanaka));

        Assert.Empty(plan.SuccessorsWithoutAccount);
    }

    [Fact]
    public void Plan_PredecessorWithoutAccount_OnlyUnownedManualsMove()
    {
        var (fixture, _, yamada, suzuki) = Setup();
        yamada.UserId = null;
        var task = fixture.Task("A", TaskCriticality.Medium, 1, 2);

        var plan = Plan(fixture, yamada, [Manual(1, "A手順", 300, "佐藤"), Manual(2, "B手順", null, null)], Item(task, suzuki));

        Assert.Equal([2L], plan.OwnerMoves.Select(m => m.ManualId));
    }

    [Theory]
    [InlineData(HandoverReason.Transfer, 1, EmployeeStatus.TransferScheduled)]
    [InlineData(HandoverReason.Transfer, 0, EmployeeStatus.Transferred)]
    [InlineData(HandoverReason.Transfer, -5, EmployeeStatus.Transferred)]
    [InlineData(HandoverReason.Leaving, 1, EmployeeStatus.LeavingScheduled)]
    [InlineData(HandoverReason.Leaving, 0, EmployeeStatus.Left)]
    [InlineData(HandoverReason.Leaving, -5, EmployeeStatus.Left)]
    [InlineData(HandoverReason.LeaveOfAbsence, 30, EmployeeStatus.OnLeave)]
    [InlineData(HandoverReason.LeaveOfAbsence, 0, EmployeeStatus.OnLeave)]
    [InlineData(HandoverReason.Other, 0, null)]
    [InlineData(HandoverReason.Other, 30, null)]
    public void Plan_Reason_SetsNewStatusAndItsDate(HandoverReason reason, int effectiveInDays, EmployeeStatus? expected)
    {
        var (fixture, _, yamada, _) = Setup();
        var handover = Handover(yamada);
        handover.Reason = reason;
        handover.EffectiveDate = Today.AddDays(effectiveInDays);

        var plan = HandoverCompletion.Plan(handover, fixture.Snapshot(), [], Today, AdminRights);

        Assert.Equal(expected, plan.NewStatus);
        Assert.Equal(Today.AddDays(effectiveInDays), plan.StatusDate);
    }

    [Theory]
    [InlineData(EmployeeStatus.Transferred)]
    [InlineData(EmployeeStatus.Left)]
    public void Plan_PredecessorAlreadyGone_StatusStays(EmployeeStatus gone)
    {
        var (fixture, _, yamada, _) = Setup();
        yamada.Status = gone;
        yamada.StatusDate = Today.AddDays(-3);
        var handover = Handover(yamada);
        handover.Reason = HandoverReason.Transfer;
        handover.EffectiveDate = Today.AddDays(10);

        var plan = HandoverCompletion.Plan(handover, fixture.Snapshot(), [], Today, AdminRights);

        Assert.Null(plan.NewStatus);
    }

    private static (CoverageFixture Fixture, BusinessTask Task, Employee Predecessor, Employee Successor) Setup()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算");
        var yamada = fixture.Employee("山田");
        yamada.UserId = PredecessorUser;
        var suzuki = fixture.Employee("鈴木");
        suzuki.UserId = SuccessorUser;
        return (fixture, task, yamada, suzuki);
    }

    private static HandoverCompletionPlan Plan(CoverageFixture fixture, Employee predecessor, params HandoverItem[] items) =>
        Plan(fixture, predecessor, [], items);

    private static HandoverCompletionPlan Plan(CoverageFixture fixture, Employee predecessor, IReadOnlyList<ManualSummary> manuals, params HandoverItem[] items) =>
        Plan(fixture, predecessor, manuals, null, items);

    private static HandoverCompletionPlan Plan(
        CoverageFixture fixture, Employee predecessor, IReadOnlyList<ManualSummary> manuals, CompletionRights? rights, params HandoverItem[] items)
    {
        var handover = Handover(predecessor);
        handover.Items = items;
        return HandoverCompletion.Plan(handover, fixture.Snapshot(), manuals, Today, rights ?? AdminRights);
    }

    private static Handover Handover(Employee predecessor) => new()
    {
        Id = 1,
        EmployeeId = predecessor.Id,
        EmployeeName = predecessor.Name,
        DepartmentId = predecessor.DepartmentId,
        Reason = HandoverReason.Other,
        EffectiveDate = Today.AddDays(40),
        Status = HandoverStatus.InProgress,
        Version = 1,
    };

    private static HandoverItem Item(BusinessTask task, Employee? successor, HandoverChecks checks = HandoverChecks.None) => new()
    {
        TaskId = task.Id,
        TaskName = task.Name,
        Basis = HandoverItemBasis.Primary,
        SuccessorId = successor?.Id,
        Checks = checks,
    };

    private const long OwnDepartment = 1;
    private const long OtherDepartment = 2;

    /// <summary>An Admin completes; the successor's account reads every department (an Admin too), so rights never hold a move back.</summary>
    private static CompletionRights AdminRights => Rights(Person(1, Roles.Admin, OwnDepartment), Person(SuccessorUser, Roles.Admin, OwnDepartment));

    private static CompletionRights Rights(Viewer actor, params Viewer[] accounts) => new(actor, accounts.ToDictionary(a => a.UserId));

    private static Viewer Person(long userId, string role, long department) => new(userId, new HashSet<string> { role }, new HashSet<long> { department });

    private static ManualSummary Manual(
        long id,
        string title,
        long? ownerId,
        string? ownerName,
        long departmentId = OwnDepartment,
        ManualVisibility visibility = ManualVisibility.Company,
        ManualStatus status = ManualStatus.Published) =>
        new() { Id = id, Title = title, Status = status, OwnerId = ownerId, OwnerName = ownerName, DepartmentId = departmentId, Visibility = visibility };
}
