using System.Text;
using Manuals.Core.Coverage.Csv;

namespace Manuals.Core.Tests.Coverage.Csv;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("月次決算", "月次決算")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("「高」\"重要\"", "\"「高」\"\"重要\"\"\"")]
    [InlineData("一行目\n二行目", "\"一行目\n二行目\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+81-3", "'+81-3")]
    [InlineData("@SUM", "'@SUM")]
    public void Field_QuotesAndGuardsFormulas(string value, string expected) => Assert.Equal(expected, CsvWriter.Field(value));

    [Theory]
    [InlineData("＝1+1")]
    [InlineData("＋81")]
    [InlineData("－5")]
    [InlineData("＠SUM(A1)")]
    [InlineData("﹦1+1")]
    [InlineData(" =1+1")]
    [InlineData("\u3000＝HYPERLINK(\"x\")")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("\n=1")]
    public void Field_FormulaInAnyWidthOrAfterSpaces_GuardedAndUnguardedBack(string value)
    {
        var field = CsvWriter.Field(value);
        var (records, _) = CsvParser.Parse(field + "\r\n");

        Assert.StartsWith("'", field.TrimStart('"'), StringComparison.Ordinal);
        Assert.Equal(value.Trim(), CsvWriter.Unguard(records[0].Fields[0]));
    }

    [Theory]
    [InlineData("月次決算")]
    [InlineData("2026-12-15")]
    [InlineData("（＝注記）")]
    public void LooksLikeFormula_OrdinaryText_False(string value) => Assert.False(CsvWriter.LooksLikeFormula(value));

    [Theory]
    [InlineData("'=1+2", "=1+2")]
    [InlineData("  山田 太郎 ", "山田 太郎")]
    [InlineData("'普通の値", "'普通の値")]
    public void Unguard_RemovesOnlyTheFormulaGuard(string value, string expected) => Assert.Equal(expected, CsvWriter.Unguard(value));

    [Fact]
    public void ToBytes_Utf8WithBomAndCrLf_RoundTripsThroughTheParser()
    {
        var bytes = new CsvWriter().Row("部署", "業務名").Row("経理・財務", "=危険な式, 改行\nあり").ToBytes();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var (text, _, _) = CsvText.Decode(bytes);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var (records, _) = CsvParser.Parse(text!);
        Assert.Equal("=危険な式, 改行\nあり", CsvWriter.Unguard(records[1].Fields[1]));
        Assert.StartsWith("部署", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
    }
}
