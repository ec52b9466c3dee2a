using System.Text;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;

namespace Manuals.Core.Tests.Manuals.Import;

public sealed class ManualFileParserTests
{
    private static readonly Department[] Departments = [new(1, "経理・財務", 1), new(2, "人事・労務", 2)];

    [Fact]
    public void Parse_CompleteFile_ReadsEveryField()
    {
        const string text = """
            ---
            title: 月次決算の手順
            department: 経理・財務
            tags: [月次, 決算, 月次]
            template: 定型業務（月次・年次）
            status: 公開
            visibility: 部署限定
            ---
            ## 目的
            月次の数字を締めます。
            """;

        var (parsed, problem) = ManualFileParser.Parse("a.md", text, Departments);

        Assert.Null(problem);
        var draft = parsed!.Draft;
        Assert.Equal("月次決算の手順", draft.Title);
        Assert.Equal(1, draft.DepartmentId);
        Assert.Equal(["月次", "決算"], draft.Tags);
        Assert.Equal("定型業務（月次・年次）", draft.Template);
        Assert.Equal(ManualStatus.Published, draft.Status);
        Assert.Equal(ManualVisibility.Department, draft.Visibility);
        Assert.Equal("## 目的\n月次の数字を締めます。", draft.Body);
    }

    [Fact]
    public void Parse_MinimalFileWithCrLfAndBom_DefaultsToDraftForEveryone()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("---\r\ntitle: 給与計算\r\ndepartment: 人事・労務\r\n---\r\n本文\r\n")).ToArray();

        var (parsed, problem) = ManualFileParser.Parse("b.md", bytes, Departments);

        Assert.Null(problem);
        var draft = parsed!.Draft;
        Assert.Equal(ManualStatus.Draft, draft!.Status);
        Assert.Equal(ManualVisibility.Company, draft.Visibility);
        Assert.Equal("本文", draft.Body);
        Assert.Empty(draft.Tags);
    }

    [Theory]
    [InlineData("# 見出しだけ", "NoFrontMatter")]
    [InlineData("---\ntitle: x\ndepartment: 経理・財務\n本文", "FrontMatterNotClosed")]
    [InlineData("---\ntitle: [unclosed\n---\n", "FrontMatterInvalid")]
    [InlineData("---\n- a\n- b\n---\n", "FrontMatterInvalid")]
    [InlineData("---\ndepartment: 経理・財務\n---\n", "TitleRequired")]
    [InlineData("---\ntitle: x\n---\n", "DepartmentRequired")]
    [InlineData("---\ntitle: x\ndepartment: 営業\n---\n", "DepartmentUnknown")]
    [InlineData("---\ntitle: x\ndepartment: 経理・財務\nstatus: 承認待ち\n---\n", "StatusUnknown")]
    [InlineData("---\ntitle: x\ndepartment: 経理・財務\nvisibility: 社外\n---\n", "VisibilityUnknown")]
    [InlineData("---\ntitle: x\ndepartment: 経理・財務\nreviewed: 去年\n---\n", "ReviewedInvalid")]
    [InlineData("---\ntitle: x\ndepartment: 経理・財務\nreviewed: 9999-12-31\n---\n", "ReviewedOutOfRange")]
    [InlineData("---\ntitle: x\ndepartment: 経理・財務\nreviewed: 1999-12-31\n---\n", "ReviewedOutOfRange")]
    [InlineData("---\ntitle: x\ndepartment: \"\\u200B\\u3000\"\n---\n", "DepartmentRequired")]
    [InlineData("---\ntitle: x\ndepartment: 経理・財務\nreview_interval_days: 3\n---\n", "ReviewIntervalInvalid")]
    public void Parse_BadFile_IsRefusedWithReason(string text, string code)
    {
        var (parsed, problem) = ManualFileParser.Parse("bad.md", text, Departments);

        Assert.Null(parsed);
        Assert.Equal(code, problem!.Code);
        Assert.Equal("bad.md", problem.FileName);
    }

    [Fact]
    public void Parse_ReviewFacts_AreRead()
    {
        const string text = "---\ntitle: x\ndepartment: 経理・財務\nreviewed: 2025-04-01\nreview_interval_days: 90\n---\n本文";

        var (parsed, _) = ManualFileParser.Parse("r.md", text, Departments);

        Assert.Equal(new DateOnly(2025, 4, 1), parsed!.ReviewedOn);
        Assert.Equal(90, parsed.ReviewIntervalDays);
    }

    [Fact]
    public void Parse_TitleTooLong_IsRefused()
    {
        var text = $"---\ntitle: {new string('あ', ManualLimits.TitleMaxLength + 1)}\ndepartment: 経理・財務\n---\n";

        var (_, problem) = ManualFileParser.Parse("long.md", text, Departments);

        Assert.Equal("TitleTooLong", problem!.Code);
    }

    [Fact]
    public void Parse_ShiftJisBytes_IsRefusedAsNotUtf8()
    {
        // 「経理」 in Shift_JIS: 0x8C 0x6F 0x97 0x9D — invalid as UTF-8.
        byte[] bytes = [.. "---\ntitle: "u8.ToArray(), 0x8C, 0x6F, 0x97, 0x9D, .. "\ndepartment: x\n---\n"u8.ToArray()];

        var (_, problem) = ManualFileParser.Parse("sjis.md", bytes, Departments);

        Assert.Equal("NotUtf8", problem!.Code);
    }
}
