using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

public sealed class TextMergeTests
{
    private const string Base = "## 目的\n経費を精算します。\n\n## 手順\n1. 領収書を集める\n2. 申請書を書く\n3. 上長に提出する\n";

    public static TheoryData<string, string, string> NonOverlappingEdits => new()
    {
        {
            // They add a step at the end, I change the first step.
            Base.Replace("3. 上長に提出する\n", "3. 上長に提出する\n4. 経理に回す\n", StringComparison.Ordinal),
            Base.Replace("1. 領収書を集める", "1. 領収書とレシートを集める", StringComparison.Ordinal),
            "## 目的\n経費を精算します。\n\n## 手順\n1. 領収書とレシートを集める\n2. 申請書を書く\n3. 上長に提出する\n4. 経理に回す\n"
        },
        {
            // They change the purpose, I delete a step.
            Base.Replace("経費を精算します。", "立替えた経費を精算します。", StringComparison.Ordinal),
            Base.Replace("2. 申請書を書く\n", "", StringComparison.Ordinal),
            "## 目的\n立替えた経費を精算します。\n\n## 手順\n1. 領収書を集める\n3. 上長に提出する\n"
        },
        {
            // Neighbouring lines: they edit step 1, I edit step 2.
            Base.Replace("1. 領収書を集める", "1. 領収書を月末までに集める", StringComparison.Ordinal),
            Base.Replace("2. 申請書を書く", "2. 申請書をシステムで書く", StringComparison.Ordinal),
            "## 目的\n経費を精算します。\n\n## 手順\n1. 領収書を月末までに集める\n2. 申請書をシステムで書く\n3. 上長に提出する\n"
        },
        {
            // Insertions at different places.
            Base.Replace("## 手順\n", "## 手順\n:::warning\n原本を捨てないでください。\n:::\n", StringComparison.Ordinal),
            Base + "\n## ノウハウ\n月末は混みます。\n",
            "## 目的\n経費を精算します。\n\n## 手順\n:::warning\n原本を捨てないでください。\n:::\n1. 領収書を集める\n2. 申請書を書く\n3. 上長に提出する\n\n## ノウハウ\n月末は混みます。\n"
        },
    };

    [Theory]
    [MemberData(nameof(NonOverlappingEdits))]
    public void Merge_NonOverlappingEdits_CombinesBothWithoutConflict(string theirs, string mine, string expected)
    {
        var result = TextMerge.Merge(Base, theirs, mine);

        Assert.True(result.IsClean);
        Assert.Equal(expected, result.Text);
    }

    [Theory]
    [InlineData("2. 申請書を手書きで書く", "2. 申請書をシステムで書く")]
    [InlineData("2. 申請書を書く（様式A）", "")]
    public void Merge_SameLineChangedDifferently_ConflictKeepsMyVersion(string theirLine, string myLine)
    {
        var theirs = Base.Replace("2. 申請書を書く", theirLine, StringComparison.Ordinal);
        var mine = Base.Replace("2. 申請書を書く\n", myLine.Length == 0 ? "" : myLine + "\n", StringComparison.Ordinal);

        var result = TextMerge.Merge(Base, theirs, mine);

        Assert.Equal(mine, result.Text);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("2. 申請書を書く", conflict.Base);
        Assert.Equal(theirLine, conflict.Theirs);
        Assert.Equal(myLine, conflict.Mine);
        Assert.Equal(6, conflict.Line);
    }

    [Fact]
    public void Merge_InsertionsAtSamePlace_ConflictWithBothInsertions()
    {
        var theirs = Base + "4. 経理に回す\n";
        var mine = Base + "4. 控えを保管する\n";

        var result = TextMerge.Merge(Base, theirs, mine);

        Assert.Equal(mine, result.Text);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("", conflict.Base);
        Assert.Equal("4. 経理に回す", conflict.Theirs);
        Assert.Equal("4. 控えを保管する", conflict.Mine);
    }

    [Fact]
    public void Merge_InsertionBesideOtherSidesDeletion_Conflict()
    {
        var theirs = Base.Replace("3. 上長に提出する\n", "", StringComparison.Ordinal);
        var mine = Base.Replace("3. 上長に提出する\n", "2.5 金額を確認する\n3. 上長に提出する\n", StringComparison.Ordinal);

        var result = TextMerge.Merge(Base, theirs, mine);

        Assert.False(result.IsClean);
        Assert.Equal(mine, result.Text);
    }

    [Fact]
    public void Merge_BothDeletedSameLines_CleanWithLinesGone()
    {
        var edited = Base.Replace("2. 申請書を書く\n", "", StringComparison.Ordinal);

        var result = TextMerge.Merge(Base, edited, edited);

        Assert.True(result.IsClean);
        Assert.Equal(edited, result.Text);
    }

    [Fact]
    public void Merge_TheyDeletedILeftAlone_LinesGone()
    {
        var theirs = Base.Replace("## 目的\n経費を精算します。\n\n", "", StringComparison.Ordinal);

        var result = TextMerge.Merge(Base, theirs, Base);

        Assert.True(result.IsClean);
        Assert.Equal(theirs, result.Text);
    }

    [Fact]
    public void Merge_IdenticalChangesOnBothSides_CleanAndTakenOnce()
    {
        var edited = Base.Replace("3. 上長に提出する", "3. 上長に提出する（押印不要）", StringComparison.Ordinal) + "4. 経理に回す\n";

        var result = TextMerge.Merge(Base, edited, edited);

        Assert.True(result.IsClean);
        Assert.Equal(edited, result.Text);
    }

    [Fact]
    public void Merge_OnlyTheirAddition_KeptAsAdditionNotDeletion()
    {
        var theirs = Base.Replace("## 手順\n", "## 手順\n0. 申請期限を確認する\n", StringComparison.Ordinal);
        var mine = Base + "\n## 関連\n経費規程\n";

        var result = TextMerge.Merge(Base, theirs, mine);

        Assert.True(result.IsClean);
        Assert.Contains("0. 申請期限を確認する", result.Text, StringComparison.Ordinal);
        Assert.Contains("経費規程", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_CrlfAndMissingFinalLineBreak_TreatedAsSameLines()
    {
        var result = TextMerge.Merge("一\n二\n三", "一\r\n二\r\n三\r\n四", "一\n2\n三");

        Assert.True(result.IsClean);
        Assert.Equal("一\n2\n三\n四", result.Text);
    }

    [Fact]
    public void Merge_EmptyBaseBothWrote_ConflictKeepsMine()
    {
        var result = TextMerge.Merge("", "相手の本文", "わたしの本文");

        Assert.Equal("わたしの本文", result.Text);
        Assert.Equal("相手の本文", Assert.Single(result.Conflicts).Theirs);
    }
}
