using System.Net;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Templates;

/// <summary>
/// Who may change a step template: built-ins only Admins; an Editor only the templates they created; Admins any;
/// Readers none. Everyone reads templates, and writers still create, copy and use any active one.
/// </summary>
public sealed class TemplateOwnershipTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Skeleton = "## 目的\n\n（目的を書きます）\n\n## 手順\n\n1. （手順を書きます）\n";
    private const long GeneralAffairs = 3;

    [Fact]
    public async Task EditRetireRestore_EditorOnBuiltIn_Get403AndTemplateUnchanged()
    {
        var (_, editor) = await EditorAsync("editor.own.builtin", "総務");
        var before = await FindByNameAsync("業務手順書");
        var token = await editor.TokenFromAsync("/templates/new");

        var (page, document) = await editor.GetAsync($"/templates/{before.Id}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("権限がありません", document.Body!.TextContent, StringComparison.Ordinal);
        foreach (var intent in new[] { "save", "reload" })
        {
            var post = await editor.PostAsync($"/templates/{before.Id}/edit", EditFields(token, "業務手順書（乗っ取り）", "書き換えました", "## 手順\n", intent));
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"POST edit ({intent}) answered {(int)post.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"/templates/{before.Id}/retire", TokenOnly(token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"/templates/{before.Id}/restore", TokenOnly(token))).StatusCode);
        var after = await FindAsync(before.Id);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Description, after.Description);
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.RequiredSections, after.RequiredSections);
        Assert.False(after.IsRetired);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task Restore_EditorOnBuiltInAnAdminRetired_Gets403AndOnlyTheAdminRestoresIt()
    {
        var admin = await AdminAsync();
        var (_, editor) = await EditorAsync("editor.own.restore", "総務");
        var id = (await FindByNameAsync("トラブル・例外対応")).Id;
        var adminToken = await admin.TokenFromAsync("/templates/new");
        var editorToken = await editor.TokenFromAsync("/templates/new");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/templates/{id}/retire", TokenOnly(adminToken))).StatusCode);

        var refused = await editor.PostAsync($"/templates/{id}/restore", TokenOnly(editorToken));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True((await FindAsync(id)).IsRetired);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/templates/{id}/restore", TokenOnly(adminToken))).StatusCode);
        Assert.False((await FindAsync(id)).IsRetired);
    }

    [Fact]
    public async Task EditAndRetire_OtherEditorsOfAnyDepartment_Get403AndTheCreatorSucceeds()
    {
        var (creatorId, creator) = await EditorAsync("editor.own.creator", "総務");
        var (_, otherDepartment) = await EditorAsync("editor.own.other-department", "経理・財務");
        var (_, sameDepartment) = await EditorAsync("editor.own.same-department", "総務");
        var created = await creator.SubmitAsync("/templates/new", "form.template-form", new()
        {
            ["Name"] = "来客受付",
            ["Body"] = Skeleton,
            ["RequiredSections"] = "手順",
        }, "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var template = await FindByNameAsync("来客受付");
        Assert.Equal(creatorId, template.CreatedByUserId);
        var manualId = await CreateManualAsync("来客受付の手順", "来客受付");

        foreach (var other in new[] { otherDepartment, sameDepartment })
        {
            var token = await other.TokenFromAsync("/templates/new");
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/templates/{template.Id}/edit")).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/templates/{template.Id}/edit", EditFields(token, "来客受付（乗っ取り）", "", Skeleton, "save"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/templates/{template.Id}/retire", TokenOnly(token))).StatusCode);
            // They still use it and copy it.
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/manuals/new?template={template.Id}")).Response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/templates/new?from={template.Id}")).Response.StatusCode);
        }

        var untouched = await FindAsync(template.Id);
        Assert.Equal("来客受付", untouched.Name);
        Assert.False(untouched.IsRetired);
        Assert.Equal("来客受付", (await Manuals.FindAsync(manualId, CancellationToken.None))!.Template);

        var (editPage, _) = await creator.GetAsync($"/templates/{template.Id}/edit");
        var renamed = await creator.SubmitAsync($"/templates/{template.Id}/edit", "form.template-form", new() { ["Name"] = "来客・受付対応" }, "intent", "save");
        var creatorToken = await creator.TokenFromAsync("/templates/new");
        var retired = await creator.PostAsync($"/templates/{template.Id}/retire", TokenOnly(creatorToken));
        var retiredState = (await FindAsync(template.Id)).IsRetired;
        var restored = await creator.PostAsync($"/templates/{template.Id}/restore", TokenOnly(creatorToken));

        Assert.Equal(HttpStatusCode.OK, editPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("来客・受付対応", (await FindAsync(template.Id)).Name);
        // A rename by someone who may change the template still carries its manuals along.
        Assert.Equal("来客・受付対応", (await Manuals.FindAsync(manualId, CancellationToken.None))!.Template);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.True(retiredState);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.False((await FindAsync(template.Id)).IsRetired);
        Assert.Equal(creatorId, (await FindAsync(template.Id)).CreatedByUserId);
    }

    [Fact]
    public async Task EditAndRetire_AdminOnBuiltInAndOnAnEditorsTemplate_Saves()
    {
        var admin = await AdminAsync();
        var (editorId, _) = await EditorAsync("editor.own.admin", "総務");
        var builtIn = await FindByNameAsync("システム操作手順");
        var editors = await CreateTemplateAsync("備品の発注", editorId);

        var (editPage, editForm) = await admin.GetAsync($"/templates/{builtIn.Id}/edit");
        var saved = await admin.SubmitAsync($"/templates/{builtIn.Id}/edit", "form.template-form", new() { ["Description"] = "管理者が説明を直しました。" }, "intent", "save");
        var token = await admin.TokenFromAsync("/templates/new");
        var retired = await admin.PostAsync($"/templates/{editors}/retire", TokenOnly(token));

        Assert.Equal(HttpStatusCode.OK, editPage.StatusCode);
        Assert.Contains("標準テンプレートです。", editForm.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await FindAsync(builtIn.Id);
        Assert.Equal("管理者が説明を直しました。", changed.Description);
        Assert.True(changed.IsBuiltIn);
        Assert.Null(changed.CreatedByUserId);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.True((await FindAsync(editors)).IsRetired);
    }

    [Fact]
    public async Task EditAndRetire_TemplateWithoutRecordedCreator_OnlyAdmins()
    {
        var admin = await AdminAsync();
        var (_, editor) = await EditorAsync("editor.own.legacy", "総務");
        var legacy = await CreateTemplateAsync("以前からあるテンプレート", null);
        var token = await editor.TokenFromAsync("/templates/new");

        var (editorEdit, _) = await editor.GetAsync($"/templates/{legacy}/edit");
        var editorRetire = await editor.PostAsync($"/templates/{legacy}/retire", TokenOnly(token));
        var (_, show) = await editor.GetAsync($"/templates/{legacy}");
        var (adminEdit, _) = await admin.GetAsync($"/templates/{legacy}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, editorEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorRetire.StatusCode);
        Assert.False((await FindAsync(legacy)).IsRetired);
        Assert.Equal("記録なし（変更できるのは管理者だけです）", CreatedBy(show));
        Assert.Null(show.QuerySelector($"a[href='/templates/{legacy}/edit']"));
        Assert.Equal(HttpStatusCode.OK, adminEdit.StatusCode);
    }

    [Fact]
    public async Task Show_ButtonsAndCreator_FollowWhoMayChangeTheTemplate()
    {
        var (creatorId, creator) = await EditorAsync("editor.own.show", "総務");
        var (_, other) = await EditorAsync("editor.own.show-other", "総務");
        var admin = await AdminAsync();
        var reader = await ReaderAsync("reader.own.show");
        var builtIn = (await FindByNameAsync("チェックリスト型")).Id;
        var own = await CreateTemplateAsync("名刺の発注", creatorId);

        var (_, otherOnBuiltIn) = await other.GetAsync($"/templates/{builtIn}");
        var (_, creatorOnOwn) = await creator.GetAsync($"/templates/{own}");
        var (_, otherOnOwn) = await other.GetAsync($"/templates/{own}");
        var (_, adminOnBuiltIn) = await admin.GetAsync($"/templates/{builtIn}");
        var (readerPage, readerOnOwn) = await reader.GetAsync($"/templates/{own}");

        Assert.Equal(HttpStatusCode.OK, readerPage.StatusCode);
        AssertButtons(otherOnBuiltIn, builtIn, use: true, change: false);
        Assert.Contains("標準テンプレートを変更・廃止できるのは管理者だけです。", otherOnBuiltIn.QuerySelector(".template__change-rule")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("標準テンプレート（製品に付属）", CreatedBy(otherOnBuiltIn));
        AssertButtons(creatorOnOwn, own, use: true, change: true);
        Assert.Null(creatorOnOwn.QuerySelector(".template__change-rule"));
        Assert.Equal("editor.own.show さん", CreatedBy(creatorOnOwn));
        AssertButtons(otherOnOwn, own, use: true, change: false);
        Assert.Contains("このテンプレートを変更・廃止できるのは、作成した人と管理者だけです。", otherOnOwn.QuerySelector(".template__change-rule")!.TextContent, StringComparison.Ordinal);
        AssertButtons(adminOnBuiltIn, builtIn, use: true, change: true);
        AssertButtons(readerOnOwn, own, use: false, change: false);
        Assert.Null(readerOnOwn.QuerySelector(".template__change-rule"));
        Assert.Equal("editor.own.show さん", CreatedBy(readerOnOwn));

        var token = await creator.TokenFromAsync("/templates/new");
        Assert.Equal(HttpStatusCode.Redirect, (await creator.PostAsync($"/templates/{own}/retire", TokenOnly(token))).StatusCode);
        var (_, creatorOnRetired) = await creator.GetAsync($"/templates/{own}");
        var (_, otherOnRetired) = await other.GetAsync($"/templates/{own}");
        Assert.NotNull(creatorOnRetired.QuerySelector($"form[action='/templates/{own}/restore']"));
        Assert.Null(otherOnRetired.QuerySelector($"form[action='/templates/{own}/restore']"));
        Assert.Null(otherOnRetired.QuerySelector($"a[href='/manuals/new?template={own}']"));
    }

    [Fact]
    public async Task ChangePosts_Reader_Get403OnAnEditorsTemplate()
    {
        var (editorId, _) = await EditorAsync("editor.own.reader", "総務");
        var reader = await ReaderAsync("reader.own.posts");
        var id = await CreateTemplateAsync("郵便物の仕分け", editorId);
        var token = await reader.TokenFromAsync("/templates");

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/templates/{id}/edit", EditFields(token, "乗っ取り", "", "## 手順\n", "save"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/templates/{id}/retire", TokenOnly(token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/templates/{id}/restore", TokenOnly(token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/templates/{id}/edit")).Response.StatusCode);

        var template = await FindAsync(id);
        Assert.Equal("郵便物の仕分け", template.Name);
        Assert.False(template.IsRetired);
    }

    private ITemplateStore Store => factory.Services.GetRequiredService<ITemplateStore>();

    private IManualStore Manuals => factory.Services.GetRequiredService<IManualStore>();

    private static void AssertButtons(IHtmlDocument document, long id, bool use, bool change)
    {
        Assert.Equal(use, document.QuerySelector($"a[href='/manuals/new?template={id}']") is not null);
        Assert.Equal(use, document.QuerySelector($"a[href='/templates/new?from={id}']") is not null);
        Assert.Equal(change, document.QuerySelector($"a[href='/templates/{id}/edit']") is not null);
        Assert.Equal(change, document.QuerySelector($"form[action='/templates/{id}/retire']") is not null);
    }

    private static string CreatedBy(IHtmlDocument document) =>
        document.QuerySelectorAll("dl.meta > div").Single(d => d.QuerySelector("dt")!.TextContent == "作成者").QuerySelector("dd")!.TextContent.Trim();

    private static Dictionary<string, string> TokenOnly(string token) => new() { ["__RequestVerificationToken"] = token };

    private static Dictionary<string, string> EditFields(string token, string name, string description, string body, string intent) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["Name"] = name,
        ["Description"] = description,
        ["Body"] = body,
        ["intent"] = intent,
    };

    private async Task<StepTemplate> FindAsync(long id) => (await Store.FindAsync(id, CancellationToken.None))!;

    private async Task<StepTemplate> FindByNameAsync(string name) => (await Store.FindByNameAsync(name, CancellationToken.None))!;

    private async Task<long> CreateTemplateAsync(string name, long? createdBy)
    {
        var result = await Store.CreateAsync(new StepTemplateDraft(name, "", Skeleton, ["手順"]), createdBy, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(result.Succeeded);
        return result.TemplateId;
    }

    private Task<long> CreateManualAsync(string title, string template) =>
        Manuals.CreateAsync(
            new ManualDraft(title, GeneralAffairs, ManualVisibility.Company, ManualStatus.Draft, template, [], Skeleton, "新規作成"),
            new Author(null, "テスト"),
            null,
            DateTimeOffset.UtcNow,
            CancellationToken.None);

    private Task<WebSession> AdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private async Task<(long Id, WebSession Session)> EditorAsync(string userName, string department)
    {
        var id = await factory.CreateUserAsync(userName, Roles.Editor, department);
        return (id, await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword));
    }

    private async Task<WebSession> ReaderAsync(string userName)
    {
        await factory.CreateUserAsync(userName, Roles.Reader, "総務");
        return await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);
    }
}
