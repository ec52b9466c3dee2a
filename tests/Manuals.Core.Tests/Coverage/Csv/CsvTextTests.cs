using System.Text;
using Manuals.Core.Coverage.Csv;

namespace Manuals.Core.Tests.Coverage.Csv;

public sealed class CsvTextTests
{
    private const string Sample = "部署,氏名\r\n経理・財務,山田 太郎\r\n";

    [Fact]
    public void Decode_Utf8WithBom_ReadsUtf8WithoutTheBom()
    {
        var (text, encoding, error) = CsvText.Decode(CsvText.ExportEncoding.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray());

        Assert.Null(error);
        Assert.Equal(CsvText.Utf8, encoding);
        Assert.Equal(Sample, text);
    }

    [Fact]
    public void Decode_ShiftJis_ReadsShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes(Sample + "①髙橋,ｶﾀｶﾅ\r\n");

        var (text, encoding, error) = CsvText.Decode(bytes);

        Assert.Null(error);
        Assert.Equal(CsvText.ShiftJis, encoding);
        Assert.Equal(Sample + "①髙橋,ｶﾀｶﾅ\r\n", text);
    }

    [Fact]
    public void Decode_Utf16_IsRefused()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray();

        Assert.Equal("EncodingUnsupported", CsvText.Decode(bytes).ErrorCode);
        Assert.Equal("EncodingUnsupported", CsvText.Decode(Encoding.Unicode.GetBytes(Sample)).ErrorCode);
    }

    [Fact]
    public void Decode_NeitherUtf8NorShiftJis_IsRefused()
    {
        // 0x85 0x40 is an unassigned Shift_JIS code and invalid UTF-8; 0xFD-0xFF never start a Shift_JIS character.
        Assert.Equal("EncodingUnsupported", CsvText.Decode(new byte[] { 0x61, 0x2C, 0x85, 0x40, 0xFD, 0xFE }).ErrorCode);
    }

    [Fact]
    public void Decode_Empty_IsRefused() => Assert.Equal("Empty", CsvText.Decode([]).ErrorCode);
}
