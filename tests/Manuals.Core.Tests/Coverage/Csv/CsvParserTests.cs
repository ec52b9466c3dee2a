using Manuals.Core.Coverage.Csv;

namespace Manuals.Core.Tests.Coverage.Csv;

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_QuotesCommasAndLineBreaksInFields_KeepsThemAndCountsLines()
    {
        var text = "部署,業務名,説明\r\n経理・財務,\"月次決算, 仮締め\",\"一行目\r\n二行目\"\r\n総務,\"備品\"\"発注\"\"\",\n";

        var (records, unclosed) = CsvParser.Parse(text);

        Assert.Null(unclosed);
        Assert.Equal(3, records.Count);
        Assert.Equal(["経理・財務", "月次決算, 仮締め", "一行目\r\n二行目"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["総務", "備品\"発注\"", ""], records[2].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Parse_BlankAndCommaOnlyLines_AreSkippedButCounted()
    {
        var (records, _) = CsvParser.Parse("a,b\n\n,,\nc,d");

        Assert.Equal(2, records.Count);
        Assert.Equal(4, records[1].Line);
        Assert.Equal(["c", "d"], records[1].Fields);
    }

    [Theory]
    [InlineData("a\rb\rc")]
    [InlineData("a\nb\nc")]
    [InlineData("a\r\nb\r\nc\r\n")]
    public void Parse_AnyLineEnd_OneRecordPerLine(string text)
    {
        var (records, _) = CsvParser.Parse(text);

        Assert.Equal(["a", "b", "c"], records.Select(r => r.Fields[0]));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_UnclosedQuote_ReportsTheLineItStarts()
    {
        var (_, unclosed) = CsvParser.Parse("a,b\nc,\"never closed\nd,e\n");

        Assert.Equal(2, unclosed);
    }
}
