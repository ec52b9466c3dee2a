using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Tests.Coverage;

namespace Manuals.Core.Tests.Handovers;

/// <summary>The sign-off boxes of a handover and who may sign each: the person's own account, an Admin on their behalf, a manager for someone without an account.</summary>
public sealed class HandoverSignOffsTests
{
    private const long Department = 3;
    private const long PredecessorUser = 10;
    private const long SuccessorUser = 20;

    [Fact]
    public void Slots_TwoSuccessorsOneTwice_PredecessorEachSuccessorOnceThenManager()
    {
        var (handover, employees) = Scene();

        var slots = HandoverSignOffs.Slots(handover, employees);

        Assert.Equal(
            [
                new SignOffSlot(SignOffRole.Predecessor, 1, "山田", PredecessorUser),
                new SignOffSlot(SignOffRole.Successor, 2, "鈴木", SuccessorUser),
                new SignOffSlot(SignOffRole.Successor, 3, "田中", null),
                new SignOffSlot(SignOffRole.Manager, 0, "部長", null),
            ],
            slots);
    }

    [Theory]
    [InlineData("predecessor", SignOffRole.Predecessor, 1L, SignOffRight.Self)]
    [InlineData("predecessor", SignOffRole.Successor, 2L, SignOffRight.None)]
    [InlineData("predecessor", SignOffRole.Manager, 0L, SignOffRight.None)]
    [InlineData("successor", SignOffRole.Successor, 2L, SignOffRight.Self)]
    [InlineData("successor", SignOffRole.Successor, 3L, SignOffRight.None)]
    [InlineData("editor", SignOffRole.Predecessor, 1L, SignOffRight.None)]
    [InlineData("editor", SignOffRole.Successor, 3L, SignOffRight.OnBehalf)]
    [InlineData("editor", SignOffRole.Manager, 0L, SignOffRight.Self)]
    [InlineData("otherEditor", SignOffRole.Successor, 3L, SignOffRight.None)]
    [InlineData("otherEditor", SignOffRole.Manager, 0L, SignOffRight.None)]
    [InlineData("admin", SignOffRole.Predecessor, 1L, SignOffRight.OnBehalf)]
    [InlineData("admin", SignOffRole.Manager, 0L, SignOffRight.Self)]
    [InlineData("reader", SignOffRole.Successor, 3L, SignOffRight.None)]
    public void Boxes_WhoAndWhichBox_RightAsThePolicySays(string who, SignOffRole role, long employeeId, SignOffRight expected)
    {
        var (handover, employees) = Scene();

        var box = HandoverSignOffs.Boxes(Viewers[who], handover, employees).Single(b => b.Slot.Role == role && b.Slot.EmployeeId == employeeId);

        Assert.Equal(expected, box.Right);
    }

    [Fact]
    public void Boxes_ManagerWhoIsASuccessor_MayNotSignAsManager()
    {
        var (handover, employees) = Scene();
        var successorEditor = new Viewer(SuccessorUser, new HashSet<string> { Roles.Editor }, new HashSet<long> { Department });

        var manager = HandoverSignOffs.Boxes(successorEditor, handover, employees).Single(b => b.Slot.Role == SignOffRole.Manager);

        Assert.Equal(SignOffRight.None, manager.Right);
    }

    [Fact]
    public void Boxes_Signed_NoRightToSignAndWithdrawOnlyForPersonRecorderOrAdmin()
    {
        var (handover, employees) = Scene();
        handover.Signatures = [new HandoverSignature(SignOffRole.Successor, 3, "田中", CoverageFixture.Today, 99, "課長", DateTimeOffset.UnixEpoch, true)];
        var recorder = new Viewer(99, new HashSet<string> { Roles.Editor }, new HashSet<long> { Department });

        bool Withdraw(Viewer viewer) => HandoverSignOffs.Boxes(viewer, handover, employees).Single(b => b.Slot.EmployeeId == 3).CanWithdraw;

        Assert.Equal(SignOffRight.None, HandoverSignOffs.Boxes(recorder, handover, employees).Single(b => b.Slot.EmployeeId == 3).Right);
        Assert.True(Withdraw(recorder));
        Assert.True(Withdraw(Viewers["admin"]));
        Assert.False(Withdraw(Viewers["editor"]));
        Assert.False(Withdraw(Viewers["successor"]));
    }

    [Fact]
    public void IsSignedOff_EverySuccessorNeeded_NotJustOne()
    {
        var (handover, _) = Scene();
        HandoverSignature Signed(SignOffRole role, long employeeId) => new(role, employeeId, "x", CoverageFixture.Today, null, "x", DateTimeOffset.UnixEpoch, false);
        handover.Signatures = [Signed(SignOffRole.Predecessor, 1), Signed(SignOffRole.Successor, 2), Signed(SignOffRole.Manager, 0)];

        var withOne = handover.IsSignedOff;
        handover.Signatures = [.. handover.Signatures, Signed(SignOffRole.Successor, 3)];

        Assert.False(withOne);
        Assert.True(handover.IsSignedOff);
    }

    private static readonly Dictionary<string, Viewer> Viewers = new()
    {
        ["predecessor"] = new(PredecessorUser, new HashSet<string> { Roles.Reader }, new HashSet<long> { Department }),
        ["successor"] = new(SuccessorUser, new HashSet<string> { Roles.Reader }, new HashSet<long> { 9 }),
        ["editor"] = new(30, new HashSet<string> { Roles.Editor }, new HashSet<long> { Department }),
        ["otherEditor"] = new(31, new HashSet<string> { Roles.Editor }, new HashSet<long> { 9 }),
        ["admin"] = new(40, new HashSet<string> { Roles.Admin }, new HashSet<long>()),
        ["reader"] = new(50, new HashSet<string> { Roles.Reader }, new HashSet<long> { Department }),
    };

    private static (Handover Handover, Dictionary<long, Employee> Employees) Scene()
    {
        var employees = new Dictionary<long, Employee>
        {
            [1] = new() { Id = 1, Name = "山田", DepartmentId = Department, UserId = PredecessorUser },
            [2] = new() { Id = 2, Name = "鈴木", DepartmentId = 9, UserId = SuccessorUser },
            [3] = new() { Id = 3, Name = "田中", DepartmentId = Department },
        };
        var handover = new Handover
        {
            Id = 1,
            EmployeeId = 1,
            EmployeeName = "山田",
            DepartmentId = Department,
            ManagerName = "部長",
            Items =
            [
                new HandoverItem { TaskId = 1, SuccessorId = 2 },
                new HandoverItem { TaskId = 2, SuccessorId = 3 },
                new HandoverItem { TaskId = 3, SuccessorId = 2 },
                new HandoverItem { TaskId = 4 },
            ],
        };
        return (handover, employees);
    }
}
