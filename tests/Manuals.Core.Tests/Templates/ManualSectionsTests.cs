using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Templates;

public sealed class ManualSectionsTests
{
    [Fact]
    public void Parse_LevelTwoHeadings_ReturnsSectionsInOrderWithTheirText()
    {
        var sections = ManualSections.Parse("""
            前書きはどのセクションにも入りません。

            ## 目的
            請求漏れを防ぎます。

            ## 手順
            1. 請求データを出力します。
            2. 金額を確認します。
            """);

        Assert.Equal(["目的", "手順"], sections.Select(s => s.Heading));
        Assert.Equal("請求漏れを防ぎます。", sections[0].Content.Trim());
        Assert.Equal("1. 請求データを出力します。\n2. 金額を確認します。", sections[1].Content.Trim());
    }

    [Fact]
    public void Parse_HeadingsInsideFencedCode_AreNotSections()
    {
        var sections = ManualSections.Parse("""
            ## 手順
            次の内容をメールに貼り付けます。

            ```
            ## 件名
            ## 本文
            ```

            ~~~markdown
            ## これも見出しではありません
            ~~~

            ## 関連情報
            - 経費規程
            """);

        Assert.Equal(["手順", "関連情報"], sections.Select(s => s.Heading));
        Assert.Contains("## 件名", sections[0].Content, StringComparison.Ordinal);
        Assert.Contains("## これも見出しではありません", sections[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LevelThreeSubsections_BelongToTheSectionAbove()
    {
        var sections = ManualSections.Parse("""
            ## 手順
            ### 準備
            台帳を開きます。
            ### 実施
            記入します。
            ## 例外・注意点
            なし
            """);

        Assert.Equal(["手順", "例外・注意点"], sections.Select(s => s.Heading));
        Assert.Equal("### 準備\n台帳を開きます。\n### 実施\n記入します。", sections[0].Content.Trim());
    }

    [Fact]
    public void Parse_LevelOneHeading_EndsTheSectionAndStartsNone()
    {
        var sections = ManualSections.Parse("## 目的\n目的の文\n# 付録\n付録の文\n## 関連情報\n- 規程\n");

        Assert.Equal(["目的", "関連情報"], sections.Select(s => s.Heading));
        Assert.Equal("目的の文", sections[0].Content.Trim());
    }

    [Fact]
    public void Parse_HeadingsInQuotesListsAndCallouts_AreNotSections()
    {
        var sections = ManualSections.Parse("""
            ## 手順
            > ## 引用の中
            - ## リストの中

            :::note
            ## 囲みの中
            :::

                ## インデントされたコード
            """);

        Assert.Equal(["手順"], sections.Select(s => s.Heading));
    }

    [Fact]
    public void Parse_InlineMarkupClosingHashesAndSetextHeading_GivePlainHeadingText()
    {
        var sections = ManualSections.Parse("## **手順** ##\n本文\n\n例外・注意点\n------\n注意\n");

        Assert.Equal(["手順", "例外・注意点"], sections.Select(s => s.Heading));
        Assert.Equal("注意", sections[1].Content.Trim());
    }

    [Fact]
    public void Parse_EmptyLastSectionAndCrLf_GivesEmptyContent()
    {
        var sections = ManualSections.Parse("## 目的\r\n目的です。\r\n## 関連情報");

        Assert.Equal(2, sections.Count);
        Assert.Equal("目的です。", sections[0].Content.Trim());
        Assert.Equal("", sections[1].Content);
    }

    [Theory]
    [InlineData("ノウハウ（フローに書けないコツ）", "ノウハウ(フローに書けないコツ)")]
    [InlineData("  対象・前提 ", "対象・前提")]
    [InlineData("ｼｽﾃﾑ　操作", "システム 操作")]
    [InlineData("ＦＡＱ", "FAQ")]
    public void NormalizeHeading_WidthAndSpaceVariants_MatchTheCanonicalForm(string written, string expected)
    {
        Assert.Equal(expected, ManualSections.NormalizeHeading(written));
    }

    [Fact]
    public void NormalizeContent_IndentationBlankLinesAndWidth_AreIgnored()
    {
        Assert.Equal(
            ManualSections.NormalizeContent("\n（目的を書きます）\n\n- 対象者：（人）\n"),
            ManualSections.NormalizeContent("  (目的を書きます)\r\n\r\n\r\n  - 対象者:(人)  "));
    }
}
