using Manuals.Core.Search;

namespace Manuals.Core.Tests.Search;

public sealed class SearchQueryParserTests
{
    private static readonly IReadOnlyList<SynonymGroup> Synonyms =
    [
        new(1, ["PC", "パソコン"]),
        new(2, ["年末調整", "年調"]),
        new(3, ["経費精算", "立替精算"]),
    ];

    [Fact]
    public void Parse_SpaceSeparatedTerms_EachIsAClauseOfItsBigramPhrase()
    {
        var query = Parse("月次決算 Excel");

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal(["月次 次決 決算"], Keys(query.Clauses[0]));
        Assert.Equal(["excel"], Keys(query.Clauses[1]));
        Assert.Empty(query.Exclusions);
        Assert.False(query.IsTruncated);
    }

    [Fact]
    public void Parse_FullWidthSpace_SeparatesTerms()
    {
        Assert.Equal(2, Parse("経理　決算").Clauses.Count);
    }

    [Fact]
    public void Parse_QuotedPhrase_KeepsWordsAdjacentAcrossTheSpaceOrRunTogether()
    {
        var query = Parse("\"経理 部長\" 確認");

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal(["経理 理部 部長", "経理 理 部長"], Keys(query.Clauses[0]));
    }

    [Fact]
    public void Parse_QuotedLatinWords_StayApart()
    {
        Assert.Equal(["year end"], Keys(Assert.Single(Parse("\"year end\"").Clauses)));
        Assert.Equal(["excel で *"], Keys(Assert.Single(Parse("\"Excel で\"").Clauses)));
    }

    [Fact]
    public void Parse_UnclosedQuote_RunsToTheEnd()
    {
        var clause = Assert.Single(Parse("\"経理 部長").Clauses);

        Assert.Equal(["経理 理部 部長", "経理 理 部長"], Keys(clause));
    }

    [Fact]
    public void Parse_MinusTerm_IsAnExclusion()
    {
        var query = Parse("決算 -仮払");

        Assert.Single(query.Clauses);
        var exclusion = Assert.Single(query.Exclusions);
        Assert.Equal(["仮払"], Keys(exclusion));
    }

    [Fact]
    public void Parse_MinusInsideAWord_IsText()
    {
        var clause = Assert.Single(Parse("e-Tax").Clauses);

        Assert.Equal(["e tax"], Keys(clause));
    }

    [Fact]
    public void Parse_Or_JoinsNeighboursIntoOneClause()
    {
        var query = Parse("請求書 OR 見積書 発行");

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal(["請求 求書", "見積 積書"], Keys(query.Clauses[0]));
        Assert.Equal(["発行"], Keys(query.Clauses[1]));
    }

    [Theory]
    [InlineData("OR 決算")]
    [InlineData("決算 OR")]
    [InlineData("決算 OR OR")]
    [InlineData("-仮払 OR 決算")]
    public void Parse_DanglingOr_IsIgnored(string text)
    {
        var clause = Assert.Single(Parse(text).Clauses);

        Assert.Equal(["決算"], Keys(clause));
    }

    [Fact]
    public void Parse_LowerCaseOr_IsAWord()
    {
        Assert.Equal(2, Parse("決算 or").Clauses.Count);
    }

    [Fact]
    public void Parse_OnlyOr_SearchesTheWord()
    {
        var clause = Assert.Single(Parse("OR").Clauses);

        Assert.Equal(["or"], Keys(clause));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   　 ")]
    [InlineData("* ^ : ( ) \"\"")]
    [InlineData("-決算")]
    public void Parse_NothingToLookFor_IsEmpty(string? text)
    {
        Assert.True(Parse(text).IsEmpty);
    }

    [Fact]
    public void Parse_OneKanji_IsAPrefixSoItFindsBigramsStartingWithIt()
    {
        var phrase = Assert.Single(Assert.Single(Parse("経").Clauses).Alternatives);

        Assert.Equal(["経"], phrase.Tokens);
        Assert.True(phrase.IsPrefix);
    }

    [Fact]
    public void Parse_OneLatinLetter_IsAnExactWord()
    {
        var phrase = Assert.Single(Assert.Single(Parse("a").Clauses).Alternatives);

        Assert.False(phrase.IsPrefix);
    }

    [Fact]
    public void Parse_LatinThenOneKanji_PrefixOnTheKanji()
    {
        var phrase = Assert.Single(Assert.Single(Parse("PDF出").Clauses).Alternatives);

        Assert.Equal(["pdf", "出"], phrase.Tokens);
        Assert.True(phrase.IsPrefix);
    }

    [Fact]
    public void Parse_Okurigana_AlternativesAsWrittenReducedAndStem()
    {
        var clause = Assert.Single(Parse("申し込み").Clauses);

        Assert.Equal(["申し し込 込み", "申込 込み", "申込"], Keys(clause));
    }

    [Fact]
    public void Parse_KatakanaLongVowel_SameAsWithout()
    {
        Assert.Equal(Keys(Parse("サーバ").Clauses[0]), Keys(Parse("サーバー").Clauses[0]));
    }

    [Theory]
    [InlineData("PC")]
    [InlineData("ＰＣ")]
    [InlineData("pc")]
    public void Parse_SynonymInAnyWidthOrCase_AddsTheOtherWords(string text)
    {
        var clause = Assert.Single(Parse(text).Clauses);

        Assert.Equal(["pc", "パソ ソコ コン"], Keys(clause));
    }

    [Fact]
    public void Parse_ShortSynonym_FindsTheLongWord()
    {
        Assert.Contains("年末 末調 調整", Keys(Assert.Single(Parse("年調").Clauses)));
    }

    [Fact]
    public void Parse_ExcludedSynonym_ExcludesEveryWord()
    {
        var exclusion = Assert.Single(Parse("決算 -パソコン").Exclusions);

        Assert.Equal(["パソ ソコ コン", "pc"], Keys(exclusion));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(決算, 5)")]
    [InlineData("title:決算")]
    [InlineData("決算*")]
    [InlineData("^決算")]
    [InlineData("決算 AND 月次")]
    [InlineData("決算 NOT 月次")]
    [InlineData("'決算' & !月次 | <-> :*")]
    [InlineData("{title body}: 決算")]
    [InlineData("\\\"; DROP TABLE manuals; --")]
    [InlineData("a\u0000b\u001Fc\u007F")]
    [InlineData("\uD800決算\uDFFF")]
    public void Parse_EngineSyntax_IsOnlyAnalysedText(string text)
    {
        var query = Parse(text);

        var tokens = query.Clauses.Concat(query.Exclusions).SelectMany(c => c.Alternatives).SelectMany(p => p.Tokens).ToList();
        Assert.All(tokens, t => Assert.True(t.EnumerateRunes().All(System.Text.Rune.IsLetterOrDigit), t));
    }

    [Fact]
    public void Parse_ControlCharactersAndLoneSurrogates_AreStripped()
    {
        var query = Parse("決\u0000算\uD800");

        Assert.Equal("決算", query.Text);
        Assert.Equal(["決算"], Keys(Assert.Single(query.Clauses)));
    }

    [Fact]
    public void Parse_ThousandCharacters_IsCutToTheLimitAndSaysSo()
    {
        var query = Parse(string.Concat(Enumerable.Repeat("決算 ", 200)) + new string('経', 1000));

        Assert.True(query.IsTruncated);
        Assert.True(query.Text.Length <= SearchLimits.MaxQueryLength);
        Assert.True(query.Clauses.Count <= SearchLimits.MaxTerms);
    }

    [Fact]
    public void Parse_LongSupplementaryText_NeverCutsASurrogatePair()
    {
        var query = Parse("a" + string.Concat(Enumerable.Repeat("𠮷", 300)));

        Assert.True(query.IsTruncated);
        Assert.False(char.IsHighSurrogate(query.Text[^1]));
    }

    [Fact]
    public void Parse_ManyTerms_KeepsTheFirstOnesAndSaysSo()
    {
        var query = Parse(string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}")));

        Assert.True(query.IsTruncated);
        Assert.Equal(SearchLimits.MaxTerms, query.Clauses.Count);
        Assert.Equal(["w1"], Keys(query.Clauses[0]));
    }

    [Fact]
    public void HighlightPhrases_AreTheIncludedAlternativesOnly()
    {
        var query = Parse("決算 -仮払");

        Assert.Equal(["決算"], query.HighlightPhrases.Select(p => p.Key));
    }

    private static SearchQuery Parse(string? text) => SearchQueryParser.Parse(text, Synonyms);

    private static List<string> Keys(SearchClause clause) => clause.Alternatives.Select(p => p.Key).ToList();
}
