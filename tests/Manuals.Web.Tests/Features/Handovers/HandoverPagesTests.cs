using System.Net;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Handovers;

/// <summary>
/// Handover pages over HTTP on the sample company: start, edit, sign, complete and reopen, with the rights, the
/// messages in Japanese and nothing lost when input is refused. Each test starts its own employee's handover.
/// </summary>
public sealed class HandoverPagesTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Start_Admin_PlansItemsFromMatrixAndRedirectsToChecklist()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "中山 修");

        var response = await StartAsync(admin, employee.Id, "Leaving");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var (page, document) = await admin.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("中山 修さんの引継ぎ 進行中", Squeeze(document.QuerySelector("h1")!.TextContent));
        var rows = document.QuerySelectorAll(".handover-items tbody th[scope=row] a").Select(a => a.TextContent).ToList();
        Assert.Contains("印鑑の管理と押印申請の受付", rows);
        Assert.Contains("賃貸借契約（オフィス）の管理", rows);
        Assert.Contains("社宅の契約と入退去手続き", rows);
        Assert.DoesNotContain("固定電話・携帯電話の契約管理", rows);
    }

    [Theory]
    [InlineData("/handovers", "handover-reader-1")]
    [InlineData("/handovers/new", "handover-reader-2")]
    public async Task Pages_Reader_Forbidden(string url, string userName)
    {
        await factory.CreateUserAsync(userName, Roles.Reader, "総務");
        var reader = await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);

        var (response, _) = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Show_EditorOfAnotherDepartment_ForbiddenAndNotListed()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "松本 拓也");
        var id = IdFrom(await StartAsync(admin, employee.Id, "Transfer"));
        await factory.CreateUserAsync("handover-editor-hr", Roles.Editor, "人事・労務");
        var editor = await WebSession.SignInAsync(factory, "handover-editor-hr", ManualsAppFactory.UserPassword);

        var (show, _) = await editor.GetAsync($"/handovers/{id}");
        var (pdf, _) = await editor.GetAsync($"/handovers/{id}/pdf");
        var (_, list) = await editor.GetAsync("/handovers");

        Assert.Equal(HttpStatusCode.Forbidden, show.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pdf.StatusCode);
        Assert.DoesNotContain("松本 拓也", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/handovers/999999")]
    [InlineData("/handovers/999999/complete")]
    [InlineData("/handovers/999999/print")]
    [InlineData("/handovers/999999/pdf")]
    public async Task Pages_UnknownId_NotFound(string url)
    {
        var admin = await AdminAsync();

        var (response, _) = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Start_NoManagerAndBadDate_400WithJapaneseMessagesAndInputKept()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "和田 奈々");

        var response = await admin.SubmitAsync(
            $"/handovers/new?employee={employee.Id}",
            "form[action='/handovers/new'][method=post]",
            new() { ["Reason"] = "Transfer", ["ManagerName"] = " ", ["EffectiveDate"] = "2099-01-01", ["Note"] = "引継ぎメモ" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        var errors = document.QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("管理者の氏名を入力してください。", errors, StringComparison.Ordinal);
        Assert.Contains("日付が今日から2年以上離れています。", errors, StringComparison.Ordinal);
        Assert.Equal("引継ぎメモ", document.QuerySelector("textarea[name=Note]")!.TextContent);
        Assert.Empty(await factory.Services.GetRequiredService<IHandoverStore>().ListAsync(new HandoverFilter(EmployeeId: employee.Id), CancellationToken.None));
    }

    [Theory]
    [InlineData("EmployeeId", "abc")]
    [InlineData("EmployeeId", "-5")]
    [InlineData("Reason", "Promotion")]
    [InlineData("EffectiveDate", "2026-13-45")]
    [InlineData("EffectiveDate", "' OR 1=1 --")]
    public async Task Start_HostileFields_400NotServerError(string field, string value)
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "上田 陽介");

        var response = await admin.SubmitAsync(
            $"/handovers/new?employee={employee.Id}",
            "form[action='/handovers/new'][method=post]",
            new() { ["ManagerName"] = "松田 康弘", [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await WebSession.ParseAsync(response)).QuerySelector(".form-errors"));
    }

    [Fact]
    public async Task Save_UnknownSuccessorAndLongNote_400MessagesAndTextKept()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "石田 剛");
        var id = IdFrom(await StartAsync(admin, employee.Id, "Other"));
        var longNote = new string('あ', 2001);

        var response = await admin.SubmitAsync(
            $"/handovers/{id}",
            $"form[action='/handovers/{id}']",
            new() { ["AddTaskId"] = "", ["Note"] = longNote, ["CommonItems[1].Note"] = "共有ドライブ 総務/契約書" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("2,000文字以内", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(longNote, document.QuerySelector("textarea[name=Note]")!.TextContent);
        Assert.Equal("共有ドライブ 総務/契約書", document.QuerySelector("textarea[name='CommonItems[1].Note']")!.TextContent);
    }

    [Fact]
    public async Task Save_StaleVersion_409AndNothingLostSilently()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "森田 早紀");
        var id = IdFrom(await StartAsync(admin, employee.Id, "Transfer"));
        var (_, page) = await admin.GetAsync($"/handovers/{id}");
        var fields = WebSession.FormFields((IHtmlFormElement)page.QuerySelector($"form[action='/handovers/{id}']")!);

        var first = await admin.PostAsync($"/handovers/{id}", new Dictionary<string, string>(fields) { ["Note"] = "一人目" });
        var second = await admin.PostAsync($"/handovers/{id}", new Dictionary<string, string>(fields) { ["Note"] = "二人目" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("ほかの人がこの引継ぎを先に更新しました", (await WebSession.ParseAsync(second)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        var stored = await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None);
        Assert.Equal("一人目", stored!.Note);
    }

    [Fact]
    public async Task Complete_NotSignedOff_400AndStillOpen()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "小野 達也");
        var id = IdFrom(await StartAsync(admin, employee.Id, "Transfer"));
        var token = await admin.TokenFromAsync($"/handovers/{id}");

        var response = await admin.PostAsync($"/handovers/{id}/complete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("全員）・管理者の署名がそろっていません", (await WebSession.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HandoverStatus.InProgress, (await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "田村 明美");
        var id = IdFrom(await StartAsync(admin, employee.Id, "Transfer"));

        var response = await admin.PostAsync($"/handovers/{id}/sign", new Dictionary<string, string> { ["Role"] = "Manager", ["EmployeeId"] = "0", ["SignedOn"] = "2026-11-21" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None))!.Signatures);
    }

    [Fact]
    public async Task SignCompleteReopen_Admin_EffectsAppliedAndRecorded()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "竹内 久美子");
        var id = IdFrom(await StartAsync(admin, employee.Id, "LeaveOfAbsence"));
        var handover = (await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None))!;
        Assert.NotEmpty(handover.Items);
        var item = handover.Items[0];
        Assert.NotNull(item.SuccessorId);
        var save = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}']", new() { ["Items[0].DoneAlone"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        // The sample people have no accounts: the Admin records each box on their behalf and signs the manager's.
        var boxes = handover.SuccessorIds.Count + 2;
        for (var i = 0; i < boxes; i++)
        {
            var signed = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/sign']", []);
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }

        var (confirm, confirmPage) = await admin.GetAsync($"/handovers/{id}/complete");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("休職中", confirmPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var complete = await admin.SubmitAsync($"/handovers/{id}/complete", $"form[action='/handovers/{id}/complete']", []);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);

        var successorCell = await CellAsync(factory, item.SuccessorId!.Value, item.TaskId);
        Assert.True(successorCell.Level >= SkillLevel.Independent);
        Assert.Equal(EmployeeStatus.OnLeave, (await EmployeeAsync(factory, "竹内 久美子")).Status);
        var (_, shown) = await admin.GetAsync($"/handovers/{id}");
        var history = shown.QuerySelector(".handover-history")!.TextContent;
        Assert.Contains("引継ぎを完了", history, StringComparison.Ordinal);
        Assert.Contains("在籍状況を「休職中」", history, StringComparison.Ordinal);

        var emptyReason = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/reopen']", new() { ["Reason"] = "" });
        var reopened = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/reopen']", new() { ["Reason"] = "後任者の異動が決まったため" });

        Assert.Equal(HttpStatusCode.BadRequest, emptyReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var (_, again) = await admin.GetAsync($"/handovers/{id}");
        Assert.Contains("後任者の異動が決まったため", again.QuerySelector(".handover-history")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HandoverStatus.InProgress, (await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task List_FilterByStatusAndDepartment_ShowsMatchingOnly()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "宮本 和也");
        await StartAsync(admin, employee.Id, "Transfer");

        var (_, it) = await admin.GetAsync("/handovers?Status=InProgress&Department=5");
        var (_, completed) = await admin.GetAsync("/handovers?Status=Completed&Department=5");
        var (bad, _) = await admin.GetAsync("/handovers?Status=Nonsense");

        Assert.Contains("宮本 和也", it.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("宮本 和也", completed.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static long IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<WebSession> AdminAsync() => await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    /// <summary>Starts a handover effective three weeks from the app's today (an employee's scheduled date, when set, is ignored).</summary>
    private async Task<HttpResponseMessage> StartAsync(WebSession session, long employeeId, string reason, string manager = "松田 康弘") =>
        await session.SubmitAsync(
            $"/handovers/new?employee={employeeId}",
            "form[action='/handovers/new'][method=post]",
            new()
            {
                ["Reason"] = reason,
                ["ManagerName"] = manager,
                ["EffectiveDate"] = factory.Clock.GetUtcNow().AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
}
