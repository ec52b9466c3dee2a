using Lucene.Net.Analysis.TokenAttributes;
using Manuals.Core.Search;
using Manuals.Data.Search.Lucene;

namespace Manuals.Data.Tests.Search.Lucene;

/// <summary>The Lucene analyzer hands out exactly <see cref="SearchAnalyzer"/>'s tokens, positions and offsets.</summary>
public sealed class ManualsAnalyzerTests
{
    [Theory]
    [InlineData("申し込み")]
    [InlineData("経理部の月次決算。ＰＣとサーバー、e-Tax 2024年度")]
    [InlineData("PDF出力 ｶﾀｶﾅ ① 問い合わせ")]
    [InlineData("")]
    public void Tokens_AreTheSearchAnalyzersWithPositionsAndOffsets(string text)
    {
        var expected = SearchAnalyzer.Analyze(text).Select(t => (t.Text, t.Position, t.Start, t.End)).ToList();

        Assert.Equal(expected, Analyze(text));
    }

    [Fact]
    public void ValuesOfOneField_AreTwoPositionsApart()
    {
        using var analyzer = new ManualsAnalyzer();

        Assert.Equal(2, analyzer.GetPositionIncrementGap(LuceneFields.Tags));
    }

    private static List<(string Text, int Position, int Start, int End)> Analyze(string text)
    {
        using var analyzer = new ManualsAnalyzer();
        using var stream = analyzer.GetTokenStream(LuceneFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int, int)>();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
