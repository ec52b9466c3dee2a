using Manuals.Core.Search;

namespace Manuals.Core.Tests.Search;

public sealed class SearchAnalyzerTests
{
    [Fact]
    public void Analyze_LatinWords_LowerCasedWordsWithPositionsAndOffsets()
    {
        var tokens = SearchAnalyzer.Analyze("Excel VLOOKUP");

        Assert.Equal(["excel", "vlookup"], Texts(tokens));
        Assert.All(tokens, t => Assert.Equal(SearchTokenKind.Word, t.Kind));
        Assert.Equal([0, 1], tokens.Select(t => t.Position));
        Assert.Equal((6, 13), (tokens[1].Start, tokens[1].End));
    }

    [Fact]
    public void Analyze_FullWidthAscii_FoldsToHalfWidthAndKeepsOriginalOffsets()
    {
        var token = Assert.Single(SearchAnalyzer.Analyze("「Ｅｘｃｅｌ」"));

        Assert.Equal("excel", token.Text);
        Assert.Equal((1, 6), (token.Start, token.End));
    }

    [Theory]
    [InlineData("ＰＣ")]
    [InlineData("pc")]
    [InlineData("PC")]
    [InlineData("ｐｃ")]
    public void Analyze_WidthAndCase_AllGiveTheSameWord(string text)
    {
        Assert.Equal(["pc"], Texts(SearchAnalyzer.Analyze(text)));
    }

    [Fact]
    public void Analyze_HalfWidthKatakana_FoldsToFullWidthBigrams()
    {
        var tokens = SearchAnalyzer.Analyze("ｶﾀｶﾅ");

        Assert.Equal(["カタ", "タカ", "カナ", "ナ"], Texts(tokens));
        Assert.Equal(Texts(SearchAnalyzer.Analyze("カタカナ")), Texts(tokens));
    }

    [Fact]
    public void Analyze_HalfWidthVoicedMark_ComposesWithItsBaseAndSpansBothCharacters()
    {
        var tokens = SearchAnalyzer.Analyze("ｶﾞｲﾄﾞ");

        Assert.Equal(["ガイ", "イド", "ド"], Texts(tokens));
        Assert.Equal((0, 3), (tokens[0].Start, tokens[0].End));
        Assert.Equal(2, tokens[0].FirstEnd);
        Assert.Equal((3, 5), (tokens[2].Start, tokens[2].End));
    }

    [Fact]
    public void Analyze_CombiningDakuten_ComposesToOneCharacter()
    {
        var token = Assert.Single(SearchAnalyzer.Analyze("か\u3099"));

        Assert.Equal("が", token.Text);
        Assert.Equal(SearchTokenKind.Unigram, token.Kind);
        Assert.Equal((0, 2), (token.Start, token.End));
    }

    [Fact]
    public void Analyze_KanjiRun_OverlappingBigramsThenTheLastCharacter()
    {
        var tokens = SearchAnalyzer.Analyze("月次決算");

        Assert.Equal(["月次", "次決", "決算", "算"], Texts(tokens));
        Assert.Equal(
            [SearchTokenKind.Bigram, SearchTokenKind.Bigram, SearchTokenKind.Bigram, SearchTokenKind.RunEnd],
            tokens.Select(t => t.Kind));
        Assert.Equal([0, 1, 2, 3], tokens.Select(t => t.Position));
        Assert.Equal((2, 4, 3), (tokens[2].Start, tokens[2].End, tokens[2].FirstEnd));
    }

    [Fact]
    public void Analyze_OneCharacterRuns_AreUnigrams()
    {
        var tokens = SearchAnalyzer.Analyze("本 日、決");

        Assert.Equal(["本", "日", "決"], Texts(tokens));
        Assert.All(tokens, t => Assert.Equal(SearchTokenKind.Unigram, t.Kind));
    }

    [Fact]
    public void Analyze_Punctuation_SeparatesRuns()
    {
        Assert.Equal(["決算", "算", "月次", "次"], Texts(SearchAnalyzer.Analyze("決算、月次。")));
    }

    [Fact]
    public void Analyze_YearBeforeKanji_DigitWordThenBigram()
    {
        var tokens = SearchAnalyzer.Analyze("2024年度");

        Assert.Equal(["2024", "年度", "度"], Texts(tokens));
        Assert.Equal(SearchTokenKind.Word, tokens[0].Kind);
    }

    [Fact]
    public void Analyze_FullWidthDigits_FoldToAsciiDigits()
    {
        Assert.Equal(["2024", "年度", "度"], Texts(SearchAnalyzer.Analyze("２０２４年度")));
    }

    [Fact]
    public void Analyze_HyphenatedWord_SplitsIntoAdjacentWords()
    {
        var tokens = SearchAnalyzer.Analyze("e-Taxで申告");

        Assert.Equal(["e", "tax", "で申", "申告", "告"], Texts(tokens));
    }

    [Fact]
    public void Analyze_LatinThenKanji_AdjacentPositions()
    {
        var tokens = SearchAnalyzer.Analyze("PDF出力する");

        Assert.Equal(["pdf", "出力", "力す", "する", "る"], Texts(tokens));
        Assert.Equal([0, 1, 2, 3, 4], tokens.Select(t => t.Position));
    }

    [Fact]
    public void Analyze_KanjiThenLatin_RunEndKeepsTheWordAdjacent()
    {
        Assert.Equal(["出力", "力", "pdf"], Texts(SearchAnalyzer.Analyze("出力PDF")));
    }

    [Theory]
    [InlineData("サーバー", "サーバ")]
    [InlineData("ユーザー名", "ユーザ名")]
    [InlineData("ｻｰﾊﾞｰ", "サーバ")]
    [InlineData("プリンター障害", "プリンタ障害")]
    public void Analyze_KatakanaWordOfFourOrMoreEndingInLongVowel_LosesIt(string written, string folded)
    {
        Assert.Equal(Texts(SearchAnalyzer.Analyze(folded)), Texts(SearchAnalyzer.Analyze(written)));
    }

    [Theory]
    [InlineData("コピー")]
    [InlineData("カー")]
    public void Analyze_ShortKatakanaWord_KeepsLongVowel(string text)
    {
        Assert.Contains(SearchAnalyzer.Analyze(text), t => t.Text.EndsWith('ー'));
    }

    [Fact]
    public void Analyze_KatakanaFold_OffsetsStillCoverTheOriginal()
    {
        var tokens = SearchAnalyzer.Analyze("サーバー障害");

        Assert.Equal(["サー", "ーバ", "バ障", "障害", "害"], Texts(tokens));
        var crossing = tokens[2];
        Assert.Equal((2, 5), (crossing.Start, crossing.End));
    }

    [Fact]
    public void Analyze_HiraganaBetweenKanji_AlsoIndexedWithoutItFirst()
    {
        var tokens = SearchAnalyzer.Analyze("申し込み");

        Assert.Equal(["申込", "込み", "申し", "し込", "込み", "み"], Texts(tokens));
        Assert.Equal(
            [SearchTokenKind.Variant, SearchTokenKind.Variant, SearchTokenKind.Bigram, SearchTokenKind.Bigram, SearchTokenKind.Bigram, SearchTokenKind.RunEnd],
            tokens.Select(t => t.Kind));
        Assert.Equal((0, 3), (tokens[0].Start, tokens[0].End));
    }

    [Theory]
    [InlineData("取り扱い", new[] { "取扱", "扱い" })]
    [InlineData("打ち合わせ", new[] { "打合", "合わ", "わせ" })]
    [InlineData("引き継ぎ資料", new[] { "引継", "継資", "資料" })]
    [InlineData("立て替え", new[] { "立替", "替え" })]
    public void Analyze_Okurigana_VariantIsTheRunWithoutIt(string text, string[] variant)
    {
        var tokens = SearchAnalyzer.Analyze(text);

        Assert.Equal(variant, tokens.Where(t => t.Kind == SearchTokenKind.Variant).Select(t => t.Text));
    }

    [Theory]
    [InlineData("経理の手順")]
    [InlineData("本日は晴天")]
    [InlineData("申込み")]
    [InlineData("ひらがなだけ")]
    public void Analyze_ParticleOrNoHiraganaBetweenKanji_NoVariant(string text)
    {
        Assert.DoesNotContain(SearchAnalyzer.Analyze(text), t => t.Kind == SearchTokenKind.Variant);
    }

    [Fact]
    public void Analyze_NfkcExpansion_BothCharactersPointAtTheOriginalCharacter()
    {
        var tokens = SearchAnalyzer.Analyze("㍻");

        Assert.Equal(["平成", "成"], Texts(tokens));
        Assert.Equal((0, 1), (tokens[0].Start, tokens[0].End));
    }

    [Fact]
    public void Analyze_CircledDigit_BecomesDigit()
    {
        Assert.Equal(["1", "確認", "認"], Texts(SearchAnalyzer.Analyze("①確認")));
    }

    [Fact]
    public void Analyze_SupplementaryKanji_BigramsWithSurrogatePairs()
    {
        var tokens = SearchAnalyzer.Analyze("𠮷野家");

        Assert.Equal(["𠮷野", "野家", "家"], Texts(tokens));
        Assert.Equal((0, 3, 2), (tokens[0].Start, tokens[0].End, tokens[0].FirstEnd));
    }

    // The character is passed as a number: xunit serialises lone surrogates in strings identically and would run
    // only one of those rows.
    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0x0000)]
    [InlineData(0x001B)]
    public void Analyze_BrokenOrControlCharacter_SeparatesWithoutThrowing(int codeUnit)
    {
        var text = "経" + (char)codeUnit + "理";

        Assert.Equal(["経", "理"], Texts(SearchAnalyzer.Analyze(text)));
    }

    [Fact]
    public void Analyze_VeryLongWord_IsCutToTheLimit()
    {
        var token = Assert.Single(SearchAnalyzer.Analyze(new string('A', 1000)));

        Assert.Equal(new string('a', SearchLimits.MaxWordLength), token.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!?*^()\"':<->&|")]
    [InlineData("・「」『』（）")]
    public void Analyze_NoLettersOrDigits_NoTokens(string text)
    {
        Assert.Empty(SearchAnalyzer.Analyze(text));
    }

    [Fact]
    public void Analyze_EveryToken_IsLettersAndDigitsOnly()
    {
        var text = "NEAR(\"a\" b) title:決算 ^x* -y AND OR NOT 'q' & | ! <-> :* 申し込み ｻｰﾊﾞｰ ＰＣ 2024年度 e-Tax 𠮷";

        Assert.All(SearchAnalyzer.Analyze(text), t => Assert.True(t.Text.EnumerateRunes().All(System.Text.Rune.IsLetterOrDigit), t.Text));
    }

    [Fact]
    public void Analyze_LargeText_IsLinearEnough()
    {
        var text = string.Concat(Enumerable.Repeat("経理部の担当者は、月末に請求書を申し込みます。PDF出力とe-Taxも確認します。", 2000));

        var tokens = SearchAnalyzer.Analyze(text);

        Assert.True(tokens.Count > text.Length, $"{tokens.Count} tokens for {text.Length} characters");
        Assert.Equal(Enumerable.Range(0, tokens.Count), tokens.Select(t => t.Position));
    }

    [Theory]
    [InlineData("申し込み", "申込")]
    [InlineData("申込み", "申込")]
    [InlineData("取り扱い", "取扱")]
    [InlineData("取扱い", "取扱")]
    [InlineData("打ち合わせ", "打合")]
    [InlineData("打合せ", "打合")]
    [InlineData("手続き", "手続")]
    [InlineData("ｻｰﾊﾞｰ管理する", "サーバ管理")]
    [InlineData("見える", null)]
    [InlineData("経理", null)]
    [InlineData("申込書", null)]
    [InlineData("確認しています", null)]
    [InlineData("PDF出力する", null)]
    [InlineData("申し 込み", null)]
    public void OkuriganaStem_Term_IsTheKanjiCompoundWithoutOkurigana(string term, string? stem)
    {
        Assert.Equal(stem, SearchAnalyzer.OkuriganaStem(term));
    }

    private static List<string> Texts(IReadOnlyList<SearchToken> tokens) => tokens.Select(t => t.Text).ToList();
}
