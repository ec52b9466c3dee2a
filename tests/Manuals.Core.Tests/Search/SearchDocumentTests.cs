using Manuals.Core.Search;

namespace Manuals.Core.Tests.Search;

public sealed class SearchDocumentTests
{
    [Fact]
    public void Create_Markdown_HeadingsAndPlainTextWithoutSyntax()
    {
        var markdown = "## 目的\n\n**月次決算**を締めます。\n\n## 手順\n\n1. [勘定奉行](https://example.com)を開く\n\n:::warning\n本締め後は修正しない\n:::\n";

        var document = SearchDocument.Create("月次決算の手順", [" 決算 ", "月次", "決算", ""], markdown);

        Assert.Equal("月次決算の手順", document.Title);
        Assert.Equal(["決算", "月次"], document.Tags);
        Assert.Equal(["目的", "手順"], document.Headings);
        Assert.Contains("月次決算を締めます。", document.Body, StringComparison.Ordinal);
        Assert.Contains("勘定奉行を開く", document.Body, StringComparison.Ordinal);
        Assert.Contains("本締め後は修正しない", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("**", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HeadingWithInlineMarkup_KeepsItsText()
    {
        var document = SearchDocument.Create("t", [], "# **重要**な`設定`\n\nSetext\n======\n");

        Assert.Equal(["重要な設定", "Setext"], document.Headings);
    }
}
