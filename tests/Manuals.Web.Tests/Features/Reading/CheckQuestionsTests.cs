using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Reading;

/// <summary>
/// 理解度チェック: the manual's editor writes the questions, an assignee confirms 「読みました」 only with every answer
/// right (told which were wrong, never the right answers, their choices kept), and the manager sees the results.
/// </summary>
public sealed class CheckQuestionsTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Department = "人事・労務";
    private const string Title = "給与計算の手順"; // 部署限定 of 人事・労務

    [Fact]
    public async Task Check_WrongAnswersAreRefusedWithTheQuestionsNamedAndKept_AllRightConfirms_TheManagerSeesTheAttempts()
    {
        var hire = await factory.CreateUserAsync("check.hire", Roles.Reader, Department);
        await factory.CreateUserAsync("check.editor", Roles.Editor, Department);
        var editor = await WebSession.SignInAsync(factory, "check.editor", ManualsAppFactory.UserPassword);
        var reader = await WebSession.SignInAsync(factory, "check.hire", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync(Title);
        await editor.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new()
        {
            ["UserIds"] = hire.ToString(CultureInfo.InvariantCulture),
            ["BusinessDays"] = "5",
        });

        var saved = await editor.SubmitAsync($"/manuals/{id}/questions", "form[action$='/questions']", new()
        {
            ["Questions[0].Text"] = "給与の締め日はいつですか。",
            ["Questions[0].Choices[0]"] = "毎月15日",
            ["Questions[0].Choices[1]"] = "毎月末日",
            ["Questions[0].Correct"] = "1",
            // An empty slot between two questions is dropped.
            ["Questions[2].Text"] = "源泉徴収税額の確認に使うものは？",
            ["Questions[2].Choices[0]"] = "源泉徴収税額表",
            ["Questions[2].Choices[2]"] = "就業規則",
            ["Questions[2].Choices[4]"] = "年金手帳",
            ["Questions[2].Correct"] = "0",
        });
        var (_, page) = await reader.GetAsync($"/manuals/{id}");
        var wrong = await reader.SubmitAsync($"/manuals/{id}", $"form[action^='/manuals/{id}/read']", new() { ["q0"] = "0", ["q1"] = "0" });
        var wrongPage = await WebSession.ParseAsync(wrong);
        var (_, afterWrong) = await editor.GetAsync($"/manuals/{id}/reading");
        var right = await reader.SubmitAsync($"/manuals/{id}", $"form[action^='/manuals/{id}/read']", new() { ["q0"] = "1", ["q1"] = "0" });
        var (_, status) = await editor.GetAsync($"/manuals/{id}/reading");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = (await factory.Services.GetRequiredService<IAuditLog>()
            .ListAsync(new AuditFilter(Action: AuditAction.CheckQuestionsChanged), new AuditPageRequest(Size: 1), CancellationToken.None)).Entries.Single();
        Assert.Equal((Title, "2問"), (entry.TargetName, entry.Detail));
        var questions = page.QuerySelectorAll("#read-confirm fieldset.check-question");
        Assert.Equal(2, questions.Length);
        Assert.Contains("源泉徴収税額の確認に使うものは？", questions[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(["源泉徴収税額表", "就業規則", "年金手帳"], questions[1].QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.Contains("理解度チェックに答えて", page.QuerySelector("[aria-labelledby=required-reading-heading]")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("問1 の答えが正しくありません", wrongPage.QuerySelector("#check-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", wrongPage.QuerySelectorAll("fieldset.check-question")[0].GetAttribute("aria-invalid"));
        Assert.Null(wrongPage.QuerySelectorAll("fieldset.check-question")[1].GetAttribute("aria-invalid"));
        Assert.True(wrongPage.QuerySelector("input[name=q0][value='0']")!.HasAttribute("checked"), "the reader's choice was not kept");
        Assert.False(wrongPage.QuerySelector("input[name=q0][value='1']")!.HasAttribute("checked"), "the right answer was given away");
        Assert.Contains("不正解 1回", Row(afterWrong, "check.hire"), StringComparison.Ordinal);
        Assert.Contains("未読", Row(afterWrong, "check.hire"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("確認済", Row(status, "check.hire"), StringComparison.Ordinal);
        Assert.Contains("全問正解（2回目）", Row(status, "check.hire"), StringComparison.Ordinal);
        Assert.Contains("理解度チェック：2問", status.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_WithoutAnsweringEveryQuestion_IsRefusedAndNotCountedAsAnAttempt()
    {
        var hire = await factory.CreateUserAsync("check.partial", Roles.Reader, Department);
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var reader = await WebSession.SignInAsync(factory, "check.partial", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("社会保険の資格取得手続き");
        await admin.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new()
        {
            ["UserIds"] = hire.ToString(CultureInfo.InvariantCulture),
            ["BusinessDays"] = "5",
        });
        await admin.SubmitAsync($"/manuals/{id}/questions", "form[action$='/questions']", new()
        {
            ["Questions[0].Text"] = "届出の期限は？",
            ["Questions[0].Choices[0]"] = "5日以内",
            ["Questions[0].Choices[1]"] = "30日以内",
            ["Questions[0].Correct"] = "0",
            ["Questions[1].Text"] = "届出先は？",
            ["Questions[1].Choices[0]"] = "年金事務所",
            ["Questions[1].Choices[1]"] = "税務署",
            ["Questions[1].Correct"] = "0",
        });

        var partial = await reader.SubmitAsync($"/manuals/{id}", $"form[action^='/manuals/{id}/read']", new() { ["q0"] = "0", ["q1"] = "x" });
        var (_, status) = await admin.GetAsync($"/manuals/{id}/reading");

        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.Contains("問2 の答えが正しくありません", (await WebSession.ParseAsync(partial)).QuerySelector("#check-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("未回答", Row(status, "check.partial"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "毎月末日", "", "1", "問1：問題文を入力してください。")]
    [InlineData("締め日は？", "毎月末日", "", "0", "問1：選択肢を2〜5個入力してください。")]
    [InlineData("締め日は？", "毎月末日", "毎月末日", "0", "問1：同じ選択肢が2つあります。")]
    [InlineData("締め日は？", "毎月末日", "毎月15日", "", "問1：正解の選択肢を選んでください")]
    [InlineData("締め日は？", "毎月末日", "毎月15日", "3", "問1：正解の選択肢を選んでください")]
    [InlineData("締め日は？", "毎月末日", "毎月15日", "abc", "送信された内容を読み取れませんでした。")]
    public async Task Save_BadQuestion_Is400WithTheReasonInJapaneseAndTheTextKept_NothingSaved(
        string text, string first, string second, string correct, string message)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("月次決算の手順");

        var response = await admin.SubmitAsync($"/manuals/{id}/questions", "form[action$='/questions']", new()
        {
            ["Questions[0].Text"] = text,
            ["Questions[0].Choices[0]"] = first,
            ["Questions[0].Choices[1]"] = second,
            ["Questions[0].Correct"] = correct,
        });
        var document = await WebSession.ParseAsync(response);
        var (_, status) = await admin.GetAsync($"/manuals/{id}/reading");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(first, document.QuerySelector("input[name='Questions[0].Choices[0]']")!.GetAttribute("value"));
        Assert.Contains("理解度チェックはありません", status.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_ReaderOrEditorOfAnotherDepartment_Forbidden_AndCannotWrite()
    {
        await factory.CreateUserAsync("check.reader", Roles.Reader, Department);
        await factory.CreateUserAsync("check.other", Roles.Editor, "広報");
        var id = await IdOfAsync(Title);
        foreach (var name in new[] { "check.reader", "check.other" })
        {
            var session = await WebSession.SignInAsync(factory, name, ManualsAppFactory.UserPassword);
            var token = await session.TokenFromAsync("/account/password");

            var (page, _) = await session.GetAsync($"/manuals/{id}/questions");
            var post = await session.PostAsync($"/manuals/{id}/questions", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Questions[0].Text"] = "乗っ取り",
                ["Questions[0].Choices[0]"] = "a",
                ["Questions[0].Choices[1]"] = "b",
                ["Questions[0].Correct"] = "0",
            });

            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        var questions = await factory.Services.GetRequiredService<global::Manuals.Core.Reading.ICheckQuestionStore>().ListAsync(id, CancellationToken.None);
        Assert.DoesNotContain(questions, q => q.Text == "乗っ取り");
    }

    private static string Row(AngleSharp.Html.Dom.IHtmlDocument status, string name) =>
        status.QuerySelectorAll(".reading-table:not(.reading-targets) tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal)).TextContent;

    private async Task<long> IdOfAsync(string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;
}
