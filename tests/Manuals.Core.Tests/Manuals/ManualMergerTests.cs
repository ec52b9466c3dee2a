using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

public sealed class ManualMergerTests
{
    private static readonly ManualContent Base = new(
        "経費精算の手順", 1, ManualVisibility.Department, ManualStatus.Published, "業務手順書", ["経費", "精算"], "## 手順\n1. 領収書を集める\n");

    [Fact]
    public void Merge_TheyChangedSettingsIChangedBody_KeepsTheirSettingsAndMyBody()
    {
        var theirs = Base with
        {
            Title = "経費精算の手順（2027年版）",
            DepartmentId = 2,
            Visibility = ManualVisibility.Company,
            Status = ManualStatus.Archived,
            Template = null,
            Tags = ["経費"],
        };
        var mine = Base with { Body = Base.Body + "2. 申請書を書く\n" };

        var merge = ManualMerger.Merge(Base, theirs, mine);

        Assert.Equal(theirs with { Body = mine.Body }, merge.Proposal);
        foreach (var field in new[] { ManualField.Title, ManualField.Department, ManualField.Visibility, ManualField.Status, ManualField.Template, ManualField.Tags })
        {
            Assert.Equal(FieldMergeKind.Theirs, merge.Field(field).Kind);
        }

        Assert.Equal(FieldMergeKind.Mine, merge.Field(ManualField.Body).Kind);
        Assert.False(merge.HasConflicts);
    }

    [Fact]
    public void Merge_TheyRestrictedVisibilityIChangedTitle_VisibilityStaysRestricted()
    {
        var open = Base with { Visibility = ManualVisibility.Company };
        var theirs = open with { Visibility = ManualVisibility.Department };
        var mine = open with { Title = "経費精算（新）" };

        var merge = ManualMerger.Merge(open, theirs, mine);

        Assert.Equal(ManualVisibility.Department, merge.Proposal.Visibility);
        Assert.Equal("経費精算（新）", merge.Proposal.Title);
        Assert.Equal(FieldMergeKind.Mine, merge.Field(ManualField.Title).Kind);
        Assert.Equal(FieldMergeKind.Theirs, merge.Field(ManualField.Visibility).Kind);
    }

    [Fact]
    public void Merge_BothChangedTitleDifferently_ConflictProposesMine()
    {
        var theirs = Base with { Title = "経費精算（相手）" };
        var mine = Base with { Title = "経費精算（わたし）" };

        var merge = ManualMerger.Merge(Base, theirs, mine);

        Assert.Equal("経費精算（わたし）", merge.Proposal.Title);
        Assert.Equal(FieldMergeKind.Conflict, merge.Field(ManualField.Title).Kind);
        Assert.True(merge.HasConflicts);
    }

    [Fact]
    public void Merge_BothMadeSameChange_SameAndNoConflict()
    {
        var changed = Base with { Status = ManualStatus.Draft };

        var merge = ManualMerger.Merge(Base, changed, changed);

        Assert.Equal(FieldMergeKind.Same, merge.Field(ManualField.Status).Kind);
        Assert.Equal(FieldMergeKind.Unchanged, merge.Field(ManualField.Title).Kind);
        Assert.False(merge.Field(ManualField.Status).Differs);
        Assert.False(merge.HasConflicts);
    }

    [Fact]
    public void Merge_BodiesEditedInDifferentPlaces_MergedKind()
    {
        var theirs = Base with { Body = "## 目的\n精算します。\n\n" + Base.Body };
        var mine = Base with { Body = Base.Body + "2. 申請書を書く\n" };

        var merge = ManualMerger.Merge(Base, theirs, mine);

        Assert.Equal("## 目的\n精算します。\n\n## 手順\n1. 領収書を集める\n2. 申請書を書く\n", merge.Proposal.Body);
        Assert.Equal(FieldMergeKind.Merged, merge.Field(ManualField.Body).Kind);
        Assert.False(merge.HasConflicts);
    }

    [Fact]
    public void Merge_BaseUnknown_EveryDifferenceIsConflictWithMyValue()
    {
        var theirs = Base with { Visibility = ManualVisibility.Company, Body = "相手の本文" };
        var mine = Base with { Tags = ["経費"] };

        var merge = ManualMerger.Merge(null, theirs, mine);

        Assert.Equal(FieldMergeKind.Conflict, merge.Field(ManualField.Visibility).Kind);
        Assert.Equal(FieldMergeKind.Conflict, merge.Field(ManualField.Tags).Kind);
        Assert.Equal(FieldMergeKind.Conflict, merge.Field(ManualField.Body).Kind);
        Assert.Equal(FieldMergeKind.Same, merge.Field(ManualField.Title).Kind);
        Assert.Equal(mine, merge.Proposal);
    }

    [Fact]
    public void Merge_TagsInAnotherOrder_NotAChange()
    {
        var reordered = Base with { Tags = ["精算", "経費"] };

        var merge = ManualMerger.Merge(Base, reordered, Base with { Title = "経費精算" });

        Assert.Equal(FieldMergeKind.Unchanged, merge.Field(ManualField.Tags).Kind);
    }
}
