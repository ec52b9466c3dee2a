using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

public sealed class ManualPagesTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Index_Admin_ListsJapaneseSamples()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, document) = await admin.GetAsync("/manuals");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = document.QuerySelectorAll(".manual-list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.True(titles.Count >= 15, $"only {titles.Count} manuals listed");
        Assert.Contains("月次決算の手順", titles);
        Assert.Contains("経理・財務", document.QuerySelector(".department-nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_SampleManual_RendersMarkdownAsHtml()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("月次決算の手順");

        var (response, document) = await admin.GetAsync($"/manuals/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("月次決算の手順", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector(".markdown ol"));
        Assert.NotNull(document.QuerySelector(".markdown .callout-warning"));
    }

    [Fact]
    public async Task Edit_Reader_Gets403OnPageAndOnPost()
    {
        await factory.CreateUserAsync("reader.edit-probe", Roles.Reader, "経理・財務");
        var reader = await WebSession.SignInAsync(factory, "reader.edit-probe", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("月次決算の手順");
        var token = await reader.TokenFromAsync($"/manuals/{id}");

        var (page, document) = await reader.GetAsync($"/manuals/{id}/edit");
        var post = await reader.PostAsync($"/manuals/{id}/edit", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Title"] = "書き換え",
            ["DepartmentId"] = "1",
            ["Body"] = "x",
            ["BaseRevision"] = "1",
        });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("権限がありません", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("月次決算の手順", (await FindAsync(id)).Title);
    }

    [Fact]
    public async Task RestrictedManual_ReaderOutsideDepartment_IsHiddenAndForbidden()
    {
        await factory.CreateUserAsync("reader.outsider", Roles.Reader, "広報");
        await factory.CreateUserAsync("reader.insider", Roles.Reader, "人事・労務");
        var outsider = await WebSession.SignInAsync(factory, "reader.outsider", ManualsAppFactory.UserPassword);
        var insider = await WebSession.SignInAsync(factory, "reader.insider", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("給与計算の手順");
        Assert.Equal(ManualVisibility.Department, (await FindAsync(id)).Visibility);

        var (outsiderList, outsiderListDoc) = await outsider.GetAsync("/manuals");
        var (outsiderPage, _) = await outsider.GetAsync($"/manuals/{id}");
        var (outsiderHistory, _) = await outsider.GetAsync($"/manuals/{id}/history");
        var (_, insiderListDoc) = await insider.GetAsync("/manuals");
        var (insiderPage, _) = await insider.GetAsync($"/manuals/{id}");

        Assert.Equal(HttpStatusCode.OK, outsiderList.StatusCode);
        Assert.DoesNotContain("給与計算の手順", outsiderListDoc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderHistory.StatusCode);
        Assert.Contains("給与計算の手順", insiderListDoc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, insiderPage.StatusCode);
    }

    [Fact]
    public async Task Create_Editor_SavesRevisionOneAndShowsIt()
    {
        await factory.CreateUserAsync("editor.somu", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "editor.somu", ManualsAppFactory.UserPassword);

        var response = await editor.SubmitAsync("/manuals/new?department=3", "form.manual-form", new()
        {
            ["Title"] = "来客用駐車場の予約",
            ["Body"] = "## 手順\n1. 予約表を開きます。\n2. 空き枠に記入します。",
            ["Tags"] = "来客、駐車場",
            ["Status"] = "Published",
        }, "intent", "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, document) = await editor.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("来客用駐車場の予約", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("保存しました。", document.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("#駐車場", document.QuerySelector(".manual__badges")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, document.QuerySelectorAll(".markdown ol li").Length);
    }

    [Fact]
    public async Task Create_EditorInOtherDepartment_Gets403AndWritesNothing()
    {
        await factory.CreateUserAsync("editor.koho", Roles.Editor, "広報");
        var editor = await WebSession.SignInAsync(factory, "editor.koho", ManualsAppFactory.UserPassword);
        var before = await CountAsync();

        var response = await editor.SubmitAsync("/manuals/new", "form.manual-form", new()
        {
            ["Title"] = "経理の手順を勝手に作る",
            ["DepartmentId"] = "1",
        }, "intent", "save");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_OverlongTitle_Returns400AndKeepsText()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var body = "## 手順\n1. この本文は失われてはいけません。";

        var response = await admin.SubmitAsync("/manuals/new", "form.manual-form", new()
        {
            ["Title"] = new string('長', ManualLimits.TitleMaxLength + 1),
            ["Body"] = body,
        }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("タイトルは200文字以内", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, document.QuerySelector("textarea#Body")!.TextContent);
    }

    [Theory]
    [InlineData("Status", "Bogus")]
    [InlineData("Visibility", "Everyone")]
    [InlineData("DepartmentId", "abc")]
    [InlineData("DepartmentId", "999")]
    [InlineData("BaseRevision", "999999999999999999999")]
    public async Task Edit_InvalidFormValue_Returns400AndKeepsText(string field, string value)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("請求書の発行手順");
        var before = await FindAsync(id);
        var body = before.Body + "\n\n追記: 書きかけの大事な文章";

        var response = await admin.SubmitAsync($"/manuals/{id}/edit", "form.manual-form",
            new() { [field] = value, ["Body"] = body }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.NotNull(document.QuerySelector(".form-errors"));
        Assert.Equal(body, document.QuerySelector("textarea#Body")!.TextContent);
        Assert.Equal(before.RevisionNumber, (await FindAsync(id)).RevisionNumber);
    }

    [Fact]
    public async Task Create_FormFieldBeyondServerLimit_Returns400NotServerError()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var token = await admin.TokenFromAsync("/manuals/new");
        using var content = new StringContent(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Title=x&DepartmentId=1&intent=save&Body=" + new string('a', 5_000_000),
            System.Text.Encoding.ASCII,
            "application/x-www-form-urlencoded");

        var response = await admin.Client.PostAsync(new Uri("/manuals/new", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リクエストを処理できませんでした", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_TwoWritersFromSameRevision_SecondGetsConflictWithTextKept()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        await factory.CreateUserAsync("editor.keiri", Roles.Editor, "経理・財務");
        var editor = await WebSession.SignInAsync(factory, "editor.keiri", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("経費精算の手順（楽楽精算）");
        var start = await FindAsync(id);
        var (_, adminForm) = await admin.GetAsync($"/manuals/{id}/edit?editor=markdown");
        var (_, editorForm) = await editor.GetAsync($"/manuals/{id}/edit?editor=markdown");
        var adminFields = WebSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)adminForm.QuerySelector("form.manual-form")!);
        var editorFields = WebSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)editorForm.QuerySelector("form.manual-form")!);
        adminFields["Body"] = start.Body + "\n\n管理者の追記";
        adminFields["intent"] = "save";
        editorFields["Body"] = start.Body + "\n\n経理担当者の追記：領収書は月末までに提出します。";
        editorFields["ChangeNote"] = "提出期限を追記";
        editorFields["intent"] = "save";

        var first = await admin.PostAsync($"/manuals/{id}/edit", adminFields);
        var second = await editor.PostAsync($"/manuals/{id}/edit", editorFields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await WebSession.ParseAsync(second);
        Assert.Contains("ほかの人が先に保存しました", conflict.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(editorFields["Body"], conflict.QuerySelector("textarea#Body")!.TextContent);
        // Both added at the end: the place is shown with the other version beside the writer's.
        Assert.Contains("管理者の追記", conflict.QuerySelector(".merge-place")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("管理者の追記", string.Concat(conflict.QuerySelector("#their-changes-heading")!.ParentElement!.QuerySelectorAll("table.diff .diff__add").Select(r => r.TextContent)), StringComparison.Ordinal);
        var now = await FindAsync(id);
        Assert.Equal(start.RevisionNumber + 1, now.RevisionNumber);
        Assert.DoesNotContain("経理担当者の追記", now.Body, StringComparison.Ordinal);

        // Saving from the conflict page is a deliberate merge on top of the current revision.
        var merged = WebSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)conflict.QuerySelector("form.conflict-form")!);
        merged["intent"] = "save";
        var third = await editor.PostAsync($"/manuals/{id}/edit", merged);
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Contains("経理担当者の追記", (await FindAsync(id)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Preview_RendersWithoutSaving()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("郵便物の仕分けと配布");
        var before = await FindAsync(id);

        var response = await admin.SubmitAsync($"/manuals/{id}/edit", "form.manual-form",
            new() { ["Body"] = "## プレビュー見出し\n\n<script>alert(1)</script>" }, "intent", "preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Equal("プレビュー見出し", document.QuerySelector(".preview .markdown h2")!.TextContent);
        Assert.Empty(document.QuerySelectorAll(".preview script"));
        Assert.Equal(before.RevisionNumber, (await FindAsync(id)).RevisionNumber);
    }

    [Fact]
    public async Task History_AfterEdit_ListsRevisionsWithAuthorAndNote()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("電話・来客対応の手順");
        var saved = await admin.SubmitAsync($"/manuals/{id}/edit", "form.manual-form",
            new() { ["ChangeNote"] = "取次の言い回しを修正", ["Body"] = (await FindAsync(id)).Body + "\n\n追記。" }, "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (response, document) = await admin.GetAsync($"/manuals/{id}/history");
        var (revision, revisionDoc) = await admin.GetAsync($"/manuals/{id}/revisions/2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("table.history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("第2版", rows[0], StringComparison.Ordinal);
        Assert.Contains("管理者", rows[0], StringComparison.Ordinal);
        Assert.Contains("取次の言い回しを修正", rows[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, revision.StatusCode);
        Assert.Contains("追記。", revisionDoc.QuerySelector("table.diff")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/manuals/999999")]
    [InlineData("/manuals/999999/edit")]
    [InlineData("/manuals/999999/history")]
    [InlineData("/manuals/1/revisions/999")]
    [InlineData("/manuals/abc")]
    [InlineData("/manuals/-1")]
    [InlineData("/manuals/99999999999999999999999")]
    [InlineData("/manuals?department=999")]
    [InlineData("/manuals?department=abc")]
    [InlineData("/no/such/page")]
    public async Task UnknownIds_Return404JapanesePage(string url)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, document) = await admin.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
        Assert.Contains(response.StatusCode == HttpStatusCode.NotFound ? "ページが見つかりません" : "リクエストを処理できませんでした", document.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<long> IdOfAsync(string title)
    {
        var store = factory.Services.GetRequiredService<IManualStore>();
        var manuals = await store.ListAsync(null, CancellationToken.None);
        return manuals.Single(m => m.Title == title).Id;
    }

    private async Task<Manual> FindAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;

    private async Task<int> CountAsync() =>
        await factory.Services.GetRequiredService<IManualStore>().CountAsync(CancellationToken.None);
}
