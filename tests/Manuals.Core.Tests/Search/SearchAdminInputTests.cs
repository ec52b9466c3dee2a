using Manuals.Core.Search;

namespace Manuals.Core.Tests.Search;

public sealed class SearchAdminInputTests
{
    [Theory]
    [InlineData("ＰＣ　手順", "pc 手順")]
    [InlineData("  pc   手順 ", "pc 手順")]
    [InlineData("ｶﾀｶﾅ\u0000検索", "カタカナ検索")]
    [InlineData("Excel\t出力", "excel 出力")]
    public void Normalize_WidthCaseAndSpaces_FoldToOneForm(string text, string expected) =>
        Assert.Equal(expected, MissedSearches.Normalize(text));

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void IsMissed_FewHits_Counts(int hits, bool expected) => Assert.Equal(expected, MissedSearches.IsMissed(hits));

    [Theory]
    [InlineData("稟議, 決裁", new[] { "稟議", "決裁" })]
    [InlineData("稟議、決裁，承認", new[] { "稟議", "決裁", "承認" })]
    [InlineData("PC, ＰＣ, パソコン", new[] { "PC", "パソコン" })]
    [InlineData("経費 精算, 立替精算", new[] { "経費 精算", "立替精算" })]
    public void Parse_ValidGroup_GivesCleanDistinctWords(string text, string[] expected)
    {
        var input = SynonymInput.Parse(text);

        Assert.True(input.IsValid);
        Assert.Equal(expected, input.Words);
    }

    [Theory]
    [InlineData(null, SynonymInputError.TooFew)]
    [InlineData("稟議", SynonymInputError.TooFew)]
    [InlineData("稟議、稟議", SynonymInputError.TooFew)]
    [InlineData("稟議, \u200B\u3000, \uFEFF", SynonymInputError.TooFew)]
    [InlineData("\u200B、\u2060", SynonymInputError.TooFew)]
    [InlineData("稟議, !!!", SynonymInputError.Unsearchable)]
    [InlineData("稟議, 12345678901234567890123456789012345678901", SynonymInputError.TooLong)]
    [InlineData("a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20,a21", SynonymInputError.TooMany)]
    public void Parse_InvalidGroup_SaysWhy(string? text, SynonymInputError expected) =>
        Assert.Equal(expected, SynonymInput.Parse(text).Error);
}
