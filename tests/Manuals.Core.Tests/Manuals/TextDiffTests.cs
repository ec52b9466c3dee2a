using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

public sealed class TextDiffTests
{
    [Fact]
    public void Compare_IdenticalText_AllLinesUnchanged()
    {
        var lines = TextDiff.Compare("請求書を受け取る\n内容を確認する\n承認する", "請求書を受け取る\n内容を確認する\n承認する");

        Assert.Equal(3, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(DiffLineKind.Unchanged, lines[i].Kind);
            Assert.Equal(i + 1, lines[i].OldLineNumber);
            Assert.Equal(i + 1, lines[i].NewLineNumber);
            Assert.All(lines[i].OldSegments, segment => Assert.False(segment.IsChanged));
            Assert.All(lines[i].NewSegments, segment => Assert.False(segment.IsChanged));
        }
    }

    [Fact]
    public void Compare_JapaneseOneCharacterChange_MarksOnlyThatCharacter()
    {
        var line = Assert.Single(TextDiff.Compare("毎月第3営業日まで", "毎月第5営業日まで"));

        Assert.Equal(DiffLineKind.Modified, line.Kind);
        Assert.Equal(1, line.OldLineNumber);
        Assert.Equal(1, line.NewLineNumber);
        Assert.Equal(
            [new DiffSegment("毎月第", false), new DiffSegment("3", true), new DiffSegment("営業日まで", false)],
            line.OldSegments);
        Assert.Equal(
            [new DiffSegment("毎月第", false), new DiffSegment("5", true), new DiffSegment("営業日まで", false)],
            line.NewSegments);
    }

    [Fact]
    public void Compare_UnrelatedSentences_MarksWholeLineInsteadOfStrayCharacters()
    {
        var line = Assert.Single(TextDiff.Compare("先に保存された追記です。", "書留は受領印を押してから台帳に記入します。"));

        Assert.Equal(DiffLineKind.Modified, line.Kind);
        Assert.Equal([new DiffSegment("先に保存された追記です。", true)], line.OldSegments);
        Assert.Equal([new DiffSegment("書留は受領印を押してから台帳に記入します。", true)], line.NewSegments);
    }

    [Fact]
    public void Compare_SurrogatePairChanged_KeepsCharacterWhole()
    {
        var line = Assert.Single(TextDiff.Compare("𠮷野家で受け取る", "吉野家で受け取る"));

        Assert.Equal(DiffLineKind.Modified, line.Kind);
        Assert.Equal([new DiffSegment("𠮷", true), new DiffSegment("野家で受け取る", false)], line.OldSegments);
        Assert.Equal([new DiffSegment("吉", true), new DiffSegment("野家で受け取る", false)], line.NewSegments);
    }

    [Fact]
    public void Compare_LineAdded_ReportsAddedLineWithNewNumberOnly()
    {
        var lines = TextDiff.Compare("受付\n確認", "受付\n確認\n承認");

        Assert.Equal(3, lines.Count);
        Assert.Equal(DiffLineKind.Unchanged, lines[0].Kind);
        Assert.Equal(DiffLineKind.Unchanged, lines[1].Kind);
        var added = lines[2];
        Assert.Equal(DiffLineKind.Added, added.Kind);
        Assert.Null(added.OldLineNumber);
        Assert.Equal(3, added.NewLineNumber);
        Assert.Empty(added.OldSegments);
        Assert.Equal([new DiffSegment("承認", true)], added.NewSegments);
    }

    [Fact]
    public void Compare_LineRemoved_ReportsRemovedLineAndRenumbersFollowingLines()
    {
        var lines = TextDiff.Compare("受付\n確認\n承認", "受付\n承認");

        Assert.Equal(3, lines.Count);
        Assert.Equal(new DiffLine(1, 1, DiffLineKind.Unchanged, lines[0].OldSegments, lines[0].NewSegments), lines[0]);
        var removed = lines[1];
        Assert.Equal(DiffLineKind.Removed, removed.Kind);
        Assert.Equal(2, removed.OldLineNumber);
        Assert.Null(removed.NewLineNumber);
        Assert.Equal([new DiffSegment("確認", true)], removed.OldSegments);
        Assert.Empty(removed.NewSegments);
        Assert.Equal(DiffLineKind.Unchanged, lines[2].Kind);
        Assert.Equal(3, lines[2].OldLineNumber);
        Assert.Equal(2, lines[2].NewLineNumber);
    }

    [Fact]
    public void Compare_BlockWithMoreRemovedThanAdded_PairsFirstAsModifiedAndRestAsRemoved()
    {
        var lines = TextDiff.Compare("受付\n確認A\n確認B\n承認", "受付\n確認C\n承認");

        Assert.Equal(
            [DiffLineKind.Unchanged, DiffLineKind.Modified, DiffLineKind.Removed, DiffLineKind.Unchanged],
            lines.Select(line => line.Kind));
        Assert.Equal((2, 2), (lines[1].OldLineNumber, lines[1].NewLineNumber));
        Assert.Equal([new DiffSegment("確認", false), new DiffSegment("A", true)], lines[1].OldSegments);
        Assert.Equal([new DiffSegment("確認", false), new DiffSegment("C", true)], lines[1].NewSegments);
        Assert.Equal(3, lines[2].OldLineNumber);
        Assert.Equal((4, 3), (lines[3].OldLineNumber, lines[3].NewLineNumber));
    }

    [Theory]
    [InlineData("受付\r\n確認\r\n", "受付\n確認\n")]
    [InlineData("受付\r\n確認", "受付\n確認\n")]
    [InlineData("受付\r確認", "受付\n確認")]
    public void Compare_DifferentLineEndings_NoChange(string oldText, string newText)
    {
        var lines = TextDiff.Compare(oldText, newText);

        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Equal(DiffLineKind.Unchanged, line.Kind));
        Assert.Equal("確認", Assert.Single(lines[1].NewSegments).Text);
    }

    [Fact]
    public void Compare_EmptyOldText_AllLinesAdded()
    {
        var lines = TextDiff.Compare(string.Empty, "受付\n確認");

        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Equal(DiffLineKind.Added, line.Kind));
        Assert.Equal([1, 2], lines.Select(line => line.NewLineNumber ?? 0));
    }

    [Fact]
    public void Compare_BothEmpty_ReturnsNoLines()
    {
        Assert.Empty(TextDiff.Compare(string.Empty, string.Empty));
    }

    [Fact]
    public void Compare_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TextDiff.Compare(null!, "a"));
        Assert.Throws<ArgumentNullException>(() => TextDiff.Compare("a", null!));
    }
}
