using Manuals.Core.Search;

namespace Manuals.Core.Tests.Search;

public sealed class SearchSuggesterTests
{
    [Theory]
    [InlineData("給与", "給与計算", true)]
    [InlineData("ＰＣ", "PC貸与", true)]
    [InlineData("経理", "経理部の月次業務", true)]
    [InlineData("月次 -決算", "月次決算（仮締め）", false)]
    [InlineData("賞与", "給与計算", false)]
    public void Matches_TaskName_UsesTheAnalyzer(string text, string name, bool expected) =>
        Assert.Equal(expected, SearchSuggester.Matches(name, SearchQueryParser.Parse(text, [])));

    [Fact]
    public void AsTyped_LastLatinWord_BecomesAPrefixOthersUnchanged()
    {
        var query = SearchSuggester.AsTyped(SearchQueryParser.Parse("月次 exc", []));

        Assert.All(query.Clauses[0].Alternatives, p => Assert.False(p.IsPrefix && p.Tokens[^1] == "月次"));
        Assert.Contains(query.Clauses[^1].Alternatives, p => p.IsPrefix && p.Tokens[^1] == "exc");
        Assert.True(SearchSuggester.Matches("Excelで月次集計", query));
    }
}
