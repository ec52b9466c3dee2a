using Manuals.Core.Coverage;
using Manuals.Core.Coverage.Csv;

namespace Manuals.Core.Tests.Coverage.Csv;

public sealed class CoverageCsvFormatTests
{
    [Theory]
    [InlineData("2026-12-15")]
    [InlineData("2026/12/15")]
    [InlineData("２０２６／１２／１５")]
    public void TryParseDate_CommonSpreadsheetForms_Parse(string text)
    {
        Assert.True(CoverageCsvFormat.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(2026, 12, 15), date);
    }

    [Fact]
    public void TryParseDate_SingleDigits_Parse()
    {
        Assert.True(CoverageCsvFormat.TryParseDate("2027/1/5", out var date));
        Assert.Equal(new DateOnly(2027, 1, 5), date);
    }

    [Theory]
    [InlineData("12月15日")]
    [InlineData("2026-02-30")]
    [InlineData("来月")]
    public void TryParseDate_Other_Fails(string text) => Assert.False(CoverageCsvFormat.TryParseDate(text, out _));

    [Theory]
    [InlineData("0", SkillLevel.None)]
    [InlineData("3", SkillLevel.CanTeach)]
    [InlineData("２", SkillLevel.Independent)]
    public void TryParseLevel_ZeroToThree_Parse(string text, SkillLevel expected)
    {
        Assert.True(CoverageCsvFormat.TryParseLevel(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("")]
    public void TryParseLevel_Other_Fails(string text) => Assert.False(CoverageCsvFormat.TryParseLevel(text, out _));

    [Theory]
    [InlineData("", AssignmentRole.None)]
    [InlineData("主担当", AssignmentRole.Primary)]
    [InlineData("主", AssignmentRole.Primary)]
    [InlineData(" 副担当 ", AssignmentRole.Backup)]
    public void TryParseRole_Words_Parse(string text, AssignmentRole expected)
    {
        Assert.True(CoverageCsvFormat.TryParseRole(text, out var role));
        Assert.Equal(expected, role);
    }

    [Fact]
    public void Words_EveryValue_RoundTrips()
    {
        foreach (var value in Enum.GetValues<TaskFrequency>())
        {
            Assert.True(CoverageCsvFormat.TryParseFrequency(CoverageCsvFormat.Word(value), out var parsed));
            Assert.Equal(value, parsed);
        }

        foreach (var value in Enum.GetValues<TaskCriticality>())
        {
            Assert.True(CoverageCsvFormat.TryParseCriticality(CoverageCsvFormat.Word(value), out var parsed));
            Assert.Equal(value, parsed);
        }

        foreach (var value in Enum.GetValues<EmployeeStatus>())
        {
            Assert.True(CoverageCsvFormat.TryParseStatus(CoverageCsvFormat.Word(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Fact]
    public void Read_MissingRequiredColumn_ReportsItOnTheHeaderLine()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("部署,業務名,重要度\n経理・財務,月次決算,高\n");

        var (table, errors) = CsvTable.Read(bytes, CoverageCsvKind.Tasks);

        Assert.Null(table);
        var error = Assert.Single(errors);
        Assert.Equal((1, "頻度", "HeaderMissing"), (error.Line, error.Column, error.Code));
    }

    [Fact]
    public void Read_ColumnsInAnyOrderWithExtraColumn_ReadsByName()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("メモ,重要度,業務名,頻度,部署\n参考,高,月次決算,毎月,経理・財務\n");

        var (table, errors) = CsvTable.Read(bytes, CoverageCsvKind.Tasks);

        Assert.Empty(errors);
        var row = Assert.Single(table!.Rows);
        Assert.Equal("経理・財務", table.Value(row, CsvColumns.Department));
        Assert.Equal("高", table.Value(row, CsvColumns.Criticality));
        Assert.False(table.Has(CsvColumns.Description));
        Assert.Equal("", table.Value(row, CsvColumns.Description));
    }
}
