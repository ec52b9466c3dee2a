using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>Two saves from the same revision: the second never undoes the first without the writer seeing it.</summary>
public sealed class ManualConflictTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Update_FirstChangedVisibilityAndTitleSecondOnlyBody_ConflictKeepsFirstSettingsAndShowsBoth()
    {
        var (first, second) = await TwoWritersAsync("conflict.visibility");
        var id = await IdOfAsync("請求書の発行手順");
        var start = await FindAsync(id);
        Assert.Equal(ManualVisibility.Company, start.Visibility);
        var firstForm = await EditFormAsync(first, id);
        var secondForm = await EditFormAsync(second, id);
        firstForm["Visibility"] = nameof(ManualVisibility.Department);
        firstForm["Title"] = "請求書の発行手順（部署内）";
        secondForm["Body"] = start.Body.TrimEnd() + "\n\n再発行のときは「再発行」の印を押します。\n";

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/manuals/{id}/edit", firstForm)).StatusCode);
        var response = await second.PostAsync($"/manuals/{id}/edit", secondForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await WebSession.ParseAsync(response);
        Assert.Equal(nameof(ManualVisibility.Department), Selected(page, "Visibility"));
        Assert.Equal("請求書の発行手順（部署内）", ((IHtmlInputElement)page.QuerySelector("input#Title")!).Value);
        Assert.Equal(secondForm["Body"], ((IHtmlTextAreaElement)page.QuerySelector("textarea#Body")!).Value);
        var visibilityRow = Row(page, "公開範囲");
        Assert.Contains("全社公開", Cell(visibilityRow, 1), StringComparison.Ordinal);
        Assert.Contains("部署限定", Cell(visibilityRow, 2), StringComparison.Ordinal);
        Assert.Contains("全社公開", Cell(visibilityRow, 3), StringComparison.Ordinal);
        var titleRow = Row(page, "タイトル");
        Assert.Contains("請求書の発行手順（部署内）", Cell(titleRow, 2), StringComparison.Ordinal);
        Assert.Contains("再発行", Added(page, "my-changes-heading"), StringComparison.Ordinal);

        var saved = await second.PostAsync($"/manuals/{id}/edit", Fields(page));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var now = await FindAsync(id);
        Assert.Equal(ManualVisibility.Department, now.Visibility);
        Assert.Equal("請求書の発行手順（部署内）", now.Title);
        Assert.Contains("再発行のときは", now.Body, StringComparison.Ordinal);
        Assert.Equal(start.RevisionNumber + 2, now.RevisionNumber);
    }

    [Fact]
    public async Task Update_FirstChangedTagsDepartmentStatusSecondOnlyBody_KeepsFirstChanges()
    {
        var (first, second) = await TwoWritersAsync("conflict.settings");
        var id = await IdOfAsync("取引先マスタの登録手順");
        var start = await FindAsync(id);
        var firstForm = await EditFormAsync(first, id);
        var secondForm = await EditFormAsync(second, id);
        var general = await DepartmentIdAsync("総務");
        firstForm["Tags"] = "取引先、マスタ、反社チェック";
        firstForm["DepartmentId"] = general.ToString(CultureInfo.InvariantCulture);
        firstForm["Status"] = nameof(ManualStatus.Archived);
        secondForm["Body"] = "## 追記\n登録前に与信を確認します。\n\n" + start.Body;

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/manuals/{id}/edit", firstForm)).StatusCode);
        var response = await second.PostAsync($"/manuals/{id}/edit", secondForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await WebSession.ParseAsync(response);
        Assert.Equal(["マスタ", "反社チェック", "取引先"], Tags(page));
        Assert.Equal(general.ToString(CultureInfo.InvariantCulture), Selected(page, "DepartmentId"));
        Assert.Equal(nameof(ManualStatus.Archived), Selected(page, "Status"));
        Assert.Contains("総務", Cell(Row(page, "部署"), 2), StringComparison.Ordinal);
        Assert.Contains("アーカイブ", Cell(Row(page, "状態"), 2), StringComparison.Ordinal);
        Assert.Contains("反社チェック", Cell(Row(page, "タグ"), 2), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync($"/manuals/{id}/edit", Fields(page))).StatusCode);
        var now = await FindAsync(id);
        Assert.Equal(general, now.DepartmentId);
        Assert.Equal(ManualStatus.Archived, now.Status);
        Assert.Equal(["マスタ", "反社チェック", "取引先"], now.Tags.Order(StringComparer.Ordinal));
        Assert.StartsWith("## 追記\n登録前に与信を確認します。", now.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_Conflict_NothingSavedUntilConfirmed()
    {
        var (first, second) = await TwoWritersAsync("conflict.unsaved");
        var id = await IdOfAsync("給与計算の手順");
        var start = await FindAsync(id);
        var firstForm = await EditFormAsync(first, id);
        var secondForm = await EditFormAsync(second, id);
        firstForm["Body"] = "冒頭の注意：締め日は毎月15日です。\n\n" + start.Body;
        secondForm["Body"] = start.Body.TrimEnd() + "\n\n末尾の追記：賞与月は別の手順です。\n";
        secondForm["Visibility"] = nameof(ManualVisibility.Department);
        secondForm["ChangeNote"] = "賞与月の注意";

        await first.PostAsync($"/manuals/{id}/edit", firstForm);
        var afterFirst = await FindAsync(id);
        var response = await second.PostAsync($"/manuals/{id}/edit", secondForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var now = await FindAsync(id);
        Assert.Equal(afterFirst.RevisionNumber, now.RevisionNumber);
        Assert.Equal(afterFirst.Body, now.Body);
        Assert.Equal(afterFirst.Visibility, now.Visibility);
        var page = await WebSession.ParseAsync(response);
        var proposal = ((IHtmlTextAreaElement)page.QuerySelector("textarea#Body")!).Value;
        Assert.StartsWith("冒頭の注意：", proposal, StringComparison.Ordinal);
        Assert.Contains("末尾の追記：", proposal, StringComparison.Ordinal);
        Assert.Contains("両方の変更をまとめました", page.QuerySelector("#body-state")!.TextContent, StringComparison.Ordinal);
        // Their addition reads as their addition, not as a deletion in the writer's diff.
        Assert.Contains("冒頭の注意", Added(page, "their-changes-heading"), StringComparison.Ordinal);
        Assert.DoesNotContain("冒頭の注意", page.QuerySelector("#my-changes-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("賞与月の注意", ((IHtmlInputElement)page.QuerySelector("input#ChangeNote")!).Value);
        Assert.Equal(nameof(ManualVisibility.Department), Selected(page, "Visibility"));

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync($"/manuals/{id}/edit", Fields(page))).StatusCode);
        var saved = await FindAsync(id);
        Assert.Equal(afterFirst.RevisionNumber + 1, saved.RevisionNumber);
        Assert.Equal(proposal, saved.Body);
        Assert.Equal(ManualVisibility.Department, saved.Visibility);
    }

    [Fact]
    public async Task Update_SameUserInTwoTabs_SaysYouSavedInAnotherTab()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("月次決算の手順");
        var firstTab = await EditFormAsync(admin, id);
        var secondTab = await EditFormAsync(admin, id);
        firstTab["Title"] = "月次決算の手順（改訂）";
        secondTab["Body"] = (await FindAsync(id)).Body + "\n別タブの追記。\n";

        await admin.PostAsync($"/manuals/{id}/edit", firstTab);
        var response = await admin.PostAsync($"/manuals/{id}/edit", secondTab);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await WebSession.ParseAsync(response);
        Assert.Equal("別のタブで先に保存されています", page.QuerySelector("h1")!.TextContent.Trim());
        var latest = (await factory.Services.GetRequiredService<IManualStore>().ListRevisionsAsync(id, CancellationToken.None))[0];
        Assert.Contains($"あなたが別のタブ（または別の画面）で {Tokyo(latest.CreatedAt)} に先に保存しました", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("さんが", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("別のタブで保存した", Row(page, "タイトル").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_OtherUserSavedFirst_SaysWhoAndWhen()
    {
        var (first, second) = await TwoWritersAsync("conflict.who");
        var id = await IdOfAsync("経費精算の手順（楽楽精算）");
        var firstForm = await EditFormAsync(first, id);
        var secondForm = await EditFormAsync(second, id);
        firstForm["Title"] = "経費精算の手順（相手）";
        secondForm["Title"] = "経費精算の手順（わたし）";

        await first.PostAsync($"/manuals/{id}/edit", firstForm);
        var response = await second.PostAsync($"/manuals/{id}/edit", secondForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await WebSession.ParseAsync(response);
        Assert.Equal("ほかの人が先に保存しました", page.QuerySelector("h1")!.TextContent.Trim());
        var latest = (await factory.Services.GetRequiredService<IManualStore>().ListRevisionsAsync(id, CancellationToken.None))[0];
        Assert.Contains($"管理者さんが {Tokyo(latest.CreatedAt)} に先に保存しました", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var titleRow = Row(page, "タイトル");
        Assert.Contains("要確認", titleRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("経費精算の手順（相手）", Cell(titleRow, 2), StringComparison.Ordinal);
        Assert.Equal("経費精算の手順（わたし）", ((IHtmlInputElement)page.QuerySelector("input#Title")!).Value);
    }

    [Fact]
    public async Task Update_FromConflictPageAfterAnotherSave_ConflictsAgainAndKeepsThatSave()
    {
        var (first, second) = await TwoWritersAsync("conflict.again");
        var id = await IdOfAsync("郵便物の仕分けと配布");
        var firstForm = await EditFormAsync(first, id);
        var secondForm = await EditFormAsync(second, id);
        firstForm["Tags"] = "郵便、仕分け";
        secondForm["Body"] = (await FindAsync(id)).Body + "\n二人目の追記。\n";
        await first.PostAsync($"/manuals/{id}/edit", firstForm);
        var conflict = await WebSession.ParseAsync(await second.PostAsync($"/manuals/{id}/edit", secondForm));

        var thirdForm = await EditFormAsync(first, id);
        thirdForm["Visibility"] = nameof(ManualVisibility.Department);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/manuals/{id}/edit", thirdForm)).StatusCode);
        var again = await second.PostAsync($"/manuals/{id}/edit", Fields(conflict));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var page = await WebSession.ParseAsync(again);
        Assert.Equal(nameof(ManualVisibility.Department), Selected(page, "Visibility"));
        Assert.Equal(["仕分け", "郵便"], Tags(page));
        Assert.Contains("二人目の追記。", ((IHtmlTextAreaElement)page.QuerySelector("textarea#Body")!).Value, StringComparison.Ordinal);
        Assert.Equal(ManualVisibility.Department, (await FindAsync(id)).Visibility);
    }

    private async Task<(WebSession First, WebSession Second)> TwoWritersAsync(string userName)
    {
        await factory.CreateUserAsync(userName, Roles.Editor, "経理・財務", "総務", "人事・労務", "一般事務");
        return (
            await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword),
            await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword));
    }

    private static async Task<Dictionary<string, string>> EditFormAsync(WebSession session, long id)
    {
        // These writers change the body as Markdown (StepEditorTests covers conflicts from the step editor).
        var (response, document) = await session.GetAsync($"/manuals/{id}/edit?editor=markdown");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = WebSession.FormFields((IHtmlFormElement)document.QuerySelector("form.manual-form")!);
        fields["intent"] = "save";
        return fields;
    }

    private static Dictionary<string, string> Fields(IHtmlDocument conflictPage)
    {
        var fields = WebSession.FormFields((IHtmlFormElement)conflictPage.QuerySelector("form.conflict-form")!);
        fields["intent"] = "save";
        return fields;
    }

    /// <summary>The tags the conflict page proposes, in ordinal order (a manual keeps no order of its tags).</summary>
    private static IEnumerable<string> Tags(IHtmlDocument page) =>
        ManualDraftValidator.ParseTags(((IHtmlInputElement)page.QuerySelector("input#Tags")!).Value).Order(StringComparer.Ordinal);

    /// <summary>The added lines of the diff under the heading <paramref name="headingId"/>.</summary>
    private static string Added(IHtmlDocument page, string headingId) =>
        string.Concat(page.GetElementById(headingId)!.ParentElement!.QuerySelectorAll("table.diff .diff__add").Select(r => r.TextContent));

    private static string? Selected(IHtmlDocument page, string name) => ((IHtmlSelectElement)page.QuerySelector($"select#{name}")!).Value;

    /// <summary>The row of the field comparison whose header names <paramref name="field"/>.</summary>
    private static IElement Row(IHtmlDocument page, string field) =>
        page.QuerySelectorAll("table.merge-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(field, StringComparison.Ordinal));

    /// <summary>Cells after the row header: 1 編集を始めたとき, 2 先に保存された内容, 3 あなたの編集, 4 保存する値.</summary>
    private static string Cell(IElement row, int column) => row.QuerySelectorAll("td")[column - 1].TextContent;

    private static string Tokyo(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<long> IdOfAsync(string title)
    {
        var manuals = await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None);
        return manuals.Single(m => m.Title == title).Id;
    }

    private async Task<long> DepartmentIdAsync(string name) =>
        (await factory.Services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None)).Single(d => d.Name == name).Id;

    private async Task<Manual> FindAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;
}
