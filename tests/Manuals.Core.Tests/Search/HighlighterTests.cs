using Manuals.Core.Search;

namespace Manuals.Core.Tests.Search;

public sealed class HighlighterTests
{
    private static readonly IReadOnlyList<SynonymGroup> Synonyms = [new(1, ["PC", "パソコン"])];

    [Fact]
    public void Highlight_KanjiTerm_MarksItInsideTheSentence()
    {
        var text = Highlighter.Highlight("経理部の月次決算担当者", Phrases("決算"));

        Assert.Equal(["経理部の月次", "[決算]", "担当者"], Pieces(text));
    }

    [Fact]
    public void Highlight_ReducedSpelling_MarksTheOriginalWithItsOkurigana()
    {
        var text = Highlighter.Highlight("オンラインで申し込みをします", Phrases("申込"));

        Assert.Equal(["オンラインで", "[申し込]", "みをします"], Pieces(text));
    }

    [Fact]
    public void Highlight_HalfWidthQueryAndFullWidthText_MarksTheFullWidthOriginal()
    {
        var text = Highlighter.Highlight("ＰＣとパソコンを貸与", Phrases("pc"));

        Assert.Equal(["[ＰＣ]", "と", "[パソコン]", "を貸与"], Pieces(text));
    }

    [Fact]
    public void Highlight_OneKanji_MarksOnlyThatCharacter()
    {
        var text = Highlighter.Highlight("経理部と経費", Phrases("経"));

        Assert.Equal(["[経]", "理部と", "[経]", "費"], Pieces(text));
    }

    [Fact]
    public void Highlight_OneKanjiAtTheEndOfARun_IsFound()
    {
        var text = Highlighter.Highlight("担当は経理部。", Phrases("部"));

        Assert.Equal(["担当は経理", "[部]", "。"], Pieces(text));
    }

    [Fact]
    public void Highlight_WholePhraseOnly_NotItsPiecesElsewhere()
    {
        var text = Highlighter.Highlight("月次決算と年次の決算", Phrases("月次決算"));

        Assert.Equal(["[月次決算]", "と年次の決算"], Pieces(text));
    }

    [Fact]
    public void Highlight_KatakanaWithoutLongVowel_MarksTheWholeWrittenWordWithItsLongVowel()
    {
        var text = Highlighter.Highlight("サーバー障害", Phrases("サーバ"));

        Assert.Equal(["[サーバー]", "障害"], Pieces(text));
    }

    [Fact]
    public void Highlight_MarkupInText_IsKeptAsTextForTheViewToEncode()
    {
        var text = Highlighter.Highlight("<script>alert(1)</script> 決算", Phrases("決算"));

        Assert.Equal(["<script>alert(1)</script> ", "[決算]"], Pieces(text));
    }

    [Fact]
    public void Snippet_LongText_ShowsTheWindowAroundTheMatchesWithEllipses()
    {
        var before = string.Concat(Enumerable.Repeat("前置きの文章です。", 40));
        var after = string.Concat(Enumerable.Repeat("後ろの文章です。", 40));

        var snippet = Highlighter.Snippet(before + "ここで月次決算を締めます。" + after, Phrases("決算"));

        Assert.True(snippet.StartsMidText);
        Assert.True(snippet.EndsMidText);
        Assert.StartsWith("ここで月次", snippet.PlainText, StringComparison.Ordinal);
        Assert.True(snippet.PlainText.Length <= Highlighter.SnippetLength);
        Assert.Contains(snippet.Segments, s => s.IsMatch && s.Text == "決算");
    }

    [Fact]
    public void Snippet_MatchesFarApart_PrefersTheDensestCluster()
    {
        var filler = new string('あ', 300);
        var text = "決算" + filler + "決算と決算と決算" + filler;

        var snippet = Highlighter.Snippet(text, Phrases("決算"));

        Assert.Equal(3, snippet.Segments.Count(s => s.IsMatch));
    }

    [Fact]
    public void Snippet_NoMatchInText_ShowsTheBeginning()
    {
        var snippet = Highlighter.Snippet("目的\n\nこの手順は請求書を発行するためのものです。", Phrases("決算"));

        Assert.False(snippet.StartsMidText);
        Assert.False(snippet.HasMatch);
        Assert.Equal("目的 この手順は請求書を発行するためのものです。", snippet.PlainText);
    }

    [Fact]
    public void Snippet_LineBreaksAndSpaces_CollapseToOneSpace()
    {
        var snippet = Highlighter.Snippet("手順\n\n1. 決算  を\t確認", Phrases("決算"));

        Assert.Equal("手順 1. 決算 を 確認", snippet.PlainText);
    }

    [Fact]
    public void Snippet_SupplementaryCharacters_NeverSplitAPair()
    {
        var text = string.Concat(Enumerable.Repeat("𠮷", 200)) + "決算" + string.Concat(Enumerable.Repeat("𠮷", 200));

        var snippet = Highlighter.Snippet(text, Phrases("決算"));

        var plain = snippet.PlainText;
        Assert.False(char.IsLowSurrogate(plain[0]));
        Assert.False(char.IsHighSurrogate(plain[^1]));
    }

    [Fact]
    public void Snippet_EmptyText_IsEmpty()
    {
        Assert.Empty(Highlighter.Snippet("", Phrases("決算")).Segments);
    }

    [Theory]
    [InlineData("コストセンター", "費用はコストセンターごとに集計します。", "[コストセンター]")]
    [InlineData("コストセンタ", "費用はコストセンターごとに集計します。", "[コストセンター]")]
    [InlineData("問合せ", "まず問い合わせ窓口に連絡します。", "[問い合わせ]")]
    [InlineData("手続き", "入社の手続きを進めます。", "[手続き]")]
    [InlineData("手続き", "入社の手続を進めます。", "[手続]")]
    [InlineData("申込", "オンラインで申し込みをします", "[申し込]")]
    public void Highlight_AnalysedWord_IsMarkedWhole(string query, string text, string marked)
    {
        Assert.Contains(marked, Pieces(Highlighter.Highlight(text, Phrases(query))));
    }

    [Fact]
    public void Snippet_SeveralWords_ShowsThePassageHoldingAllOfThemRatherThanTheFirstWordsCluster()
    {
        var text = "経理の概要。経理部が担当します。経理の締めは毎月です。" + new string('あ', 300)
            + "最後に経理担当者が請求書を承認します。" + new string('い', 300);

        var snippet = Highlighter.Snippet(text, Clauses("請求書 経理"));

        Assert.Contains("[請求書]", Pieces(snippet));
        Assert.Contains("[経理]", Pieces(snippet));
    }

    [Fact]
    public void Snippet_BlocksOnLines_AreSeparatedAndAMarkAtTheEndIsNotCut()
    {
        var snippet = Highlighter.Snippet("目的\n請求書を発行します。\n手順\n販売奉行を開く", Clauses("販売奉行"));
        var cut = Highlighter.Snippet("コストセンター" + new string('あ', 148) + "コストセンター" + new string('い', 50), Clauses("コストセンター"));

        Assert.Equal("目的／請求書を発行します。 手順／[販売奉行]を開く", string.Concat(Pieces(snippet)));
        Assert.Equal("[コストセンター]", Pieces(cut)[^1]);
    }

    /// <summary>
    /// A snippet analyses only the lines that may hold a word (and the line after each): each word must still be marked
    /// as analysing the whole text marks it — okurigana, width and case variants, a quoted phrase across a line break —
    /// and words on lines far apart are never joined into a phrase.
    /// </summary>
    [Theory]
    [InlineData("申込", "目的\n概要\nオンラインで申し込みをします。", "[申し込]")]
    [InlineData("pc", "手順\n貸与ＰＣを返却します。", "[ＰＣ]")]
    [InlineData("サーバー", "手順\nサーバを再起動します。", "[サーバ]")]
    [InlineData("\"経理 部\"", "担当は経理\n部 です。", "[経理／部]")]
    public void Snippet_WordOnSomeLines_IsMarkedAsInTheWholeText(string query, string text, string marked)
    {
        Assert.Contains(marked, Pieces(Highlighter.Snippet(text, Clauses(query))));
    }

    [Fact]
    public void Snippet_PhraseWordsOnLinesFarApart_AreNotMarked()
    {
        var snippet = Highlighter.Snippet("担当は経理\n説明\n部 です。", Clauses("\"経理 部\""));

        Assert.DoesNotContain(snippet.Segments, s => s.IsMatch);
    }

    private static IReadOnlyList<SearchClause> Clauses(string query) => SearchQueryParser.Parse(query, Synonyms).Clauses;

    private static IReadOnlyList<SearchPhrase> Phrases(string query) => SearchQueryParser.Parse(query, Synonyms).HighlightPhrases;

    private static List<string> Pieces(HighlightedText text) =>
        text.Segments.Select(s => s.IsMatch ? $"[{s.Text}]" : s.Text).ToList();
}
