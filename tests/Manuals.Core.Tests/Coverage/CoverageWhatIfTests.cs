using Manuals.Core.Coverage;

namespace Manuals.Core.Tests.Coverage;

/// <summary>「この人がいなくなったら」: the same rules without the chosen people.</summary>
public sealed class CoverageWhatIfTests
{
    [Fact]
    public void Compare_OneOfTwoCapableLeaves_TaskDropsToOneAndTurnsCritical()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("月次決算", TaskCriticality.High);
        var yamada = fixture.Employee("山田 太郎");
        fixture.Cell(yamada, task, SkillLevel.CanTeach, AssignmentRole.Primary);
        fixture.Cell(fixture.Employee("鈴木 花子"), task, SkillLevel.Independent, AssignmentRole.Backup);

        var row = Assert.Single(CoverageWhatIf.Compare(fixture.Snapshot(), new HashSet<long> { yamada.Id }, CoverageFixture.Moment));

        Assert.Equal(2, row.Before.CapableCount);
        Assert.Equal(1, row.After.CapableCount);
        Assert.Equal(CoverageRisk.High, row.Before.Risk);
        Assert.Equal(CoverageRisk.Critical, row.After.Risk);
        Assert.True(row.DropsToOneOrNone);
        Assert.True(row.RiskChanged);
        Assert.Equal(["鈴木 花子"], row.After.Capable.Select(e => e.Name));
    }

    [Fact]
    public void Compare_TwoPeopleLeave_TaskDropsToNobody()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("給与計算", TaskCriticality.High, fixture.Manual());
        var a = fixture.Employee("A");
        var b = fixture.Employee("B");
        fixture.Cell(a, task, SkillLevel.Independent);
        fixture.Cell(b, task, SkillLevel.Independent);

        var row = Assert.Single(CoverageWhatIf.Compare(fixture.Snapshot(), new HashSet<long> { a.Id, b.Id }, CoverageFixture.Moment));

        Assert.Equal(CoverageRisk.Low, row.Before.Risk);
        Assert.Equal(0, row.After.CapableCount);
        Assert.Equal(CoverageVerdict.NobodyCapable, row.After.Verdict);
    }

    [Fact]
    public void Compare_ThreeCapableOneLeaves_ListedButNotDroppingToOne()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("郵便物の仕分け", TaskCriticality.Low);
        var leaving = fixture.Employee("A");
        fixture.Cell(leaving, task, SkillLevel.Independent);
        fixture.Cell(fixture.Employee("B"), task, SkillLevel.Independent);
        fixture.Cell(fixture.Employee("C"), task, SkillLevel.Independent);

        var row = Assert.Single(CoverageWhatIf.Compare(fixture.Snapshot(), new HashSet<long> { leaving.Id }, CoverageFixture.Moment));

        Assert.False(row.DropsToOneOrNone);
        Assert.False(row.RiskChanged);
        Assert.Equal(2, row.After.CapableCount);
    }

    [Fact]
    public void Compare_PersonNotCapableOrAlreadyLeaving_ChangesNothing()
    {
        var fixture = new CoverageFixture();
        var task = fixture.Task("来客対応");
        var learner = fixture.Employee("見習い");
        var leavingSoon = fixture.Employee("退職予定", EmployeeStatus.LeavingScheduled, CoverageFixture.Today.AddDays(10));
        fixture.Cell(learner, task, SkillLevel.WithGuidance);
        fixture.Cell(leavingSoon, task, SkillLevel.CanTeach);
        fixture.Cell(fixture.Employee("在籍者"), task, SkillLevel.Independent);

        var rows = CoverageWhatIf.Compare(fixture.Snapshot(), new HashSet<long> { learner.Id, leavingSoon.Id }, CoverageFixture.Moment);

        Assert.Empty(rows);
    }

    [Fact]
    public void Compare_Rows_DropsToOneOrNoneFirstThenWorstRisk()
    {
        var fixture = new CoverageFixture();
        var leaving = fixture.Employee("異動する人");
        var stillTwo = fixture.Task("A 三人業務", TaskCriticality.High);
        var toOne = fixture.Task("B 二人業務", TaskCriticality.Low, fixture.Manual());
        var toNone = fixture.Task("C 一人業務", TaskCriticality.Low);
        foreach (var task in new[] { stillTwo, toOne, toNone })
        {
            fixture.Cell(leaving, task, SkillLevel.Independent);
        }

        fixture.Cell(fixture.Employee("X"), stillTwo, SkillLevel.Independent);
        fixture.Cell(fixture.Employee("Y"), stillTwo, SkillLevel.Independent);
        fixture.Cell(fixture.Employee("Z"), toOne, SkillLevel.Independent);

        var rows = CoverageWhatIf.Compare(fixture.Snapshot(), new HashSet<long> { leaving.Id }, CoverageFixture.Moment);

        Assert.Equal(["C 一人業務", "B 二人業務", "A 三人業務"], rows.Select(r => r.Task.Name));
        Assert.Equal([CoverageRisk.Critical, CoverageRisk.High, CoverageRisk.High], rows.Select(r => r.After.Risk));
    }
}
