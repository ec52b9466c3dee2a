using System.Net;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Features.Accounts;

public sealed class AccessTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/manuals")]
    [InlineData("/manuals/1")]
    [InlineData("/manuals/1/edit")]
    [InlineData("/manuals/1/history")]
    [InlineData("/manuals/new")]
    [InlineData("/admin/users")]
    [InlineData("/account/password")]
    public async Task AnyPage_Anonymous_RedirectsToSignIn(string url)
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignInPage_Anonymous_IsJapanese()
    {
        var (response, document) = await new WebSession(factory.CreateBrowserlikeClient()).GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ja", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("サインイン", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ユーザー名", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsJapaneseErrorAndKeepsUserName()
    {
        var session = new WebSession(factory.CreateBrowserlikeClient());

        var response = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "admin", ["Password"] = "wrong-password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("ユーザー名またはパスワードが正しくありません。", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("admin", document.QuerySelector("#UserName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SignIn_ManyFailures_NoLockoutMessageAndRightPasswordStillWorks()
    {
        await factory.CreateUserAsync("lockout.target", Roles.Reader);
        var session = new WebSession(factory.CreateBrowserlikeClient());
        var texts = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var failed = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
                new() { ["UserName"] = "lockout.target", ["Password"] = "not-the-password" });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
            texts.Add((await WebSession.ParseAsync(failed)).QuerySelector(".form-errors")!.TextContent.Trim());
        }

        var response = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "lockout.target", ["Password"] = ManualsAppFactory.UserPassword });

        Assert.Single(texts);
        Assert.DoesNotContain("ロック", texts.Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUserOrWrongPasswordOrDisabled_GiveIdenticalPages()
    {
        var disabledId = await factory.CreateUserAsync("identical.disabled", Roles.Reader);
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        await admin.SubmitAsync($"/admin/users/{disabledId}", $"form[action='/admin/users/{disabledId}']", new() { ["IsDisabled"] = "true" });
        var pages = new List<(HttpStatusCode Status, string Text)>();
        foreach (var (user, password) in new[]
        {
            ("admin", "wrong-password-1"),
            ("nobody.here", "wrong-password-1"),
            ("identical.disabled", ManualsAppFactory.UserPassword),
        })
        {
            var response = await new WebSession(factory.CreateBrowserlikeClient()).SubmitAsync(
                "/account/sign-in", "form[action='/account/sign-in']", new() { ["UserName"] = user, ["Password"] = password });
            pages.Add((response.StatusCode, (await WebSession.ParseAsync(response)).Body!.TextContent));
        }

        Assert.All(pages, p => Assert.Equal(pages[0], p));
        Assert.Equal(HttpStatusCode.BadRequest, pages[0].Status);
    }

    [Fact]
    public async Task SignIn_DisabledUser_IsRefused()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await factory.CreateUserAsync("disabled.user", Roles.Reader);
        var saved = await admin.SubmitAsync($"/admin/users/{id}", $"form[action='/admin/users/{id}']", new() { ["IsDisabled"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var session = new WebSession(factory.CreateBrowserlikeClient());
        var response = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "disabled.user", ["Password"] = ManualsAppFactory.UserPassword });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AdminUsers_Reader_Gets403()
    {
        await factory.CreateUserAsync("reader.admin-probe", Roles.Reader);
        var reader = await WebSession.SignInAsync(factory, "reader.admin-probe", ManualsAppFactory.UserPassword);

        var (response, document) = await reader.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("権限がありません", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminUsers_Admin_CreatesUserWhoCanSignIn()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.SubmitAsync("/admin/users/new", "form[action='/admin/users/new']", new()
        {
            ["UserName"] = "new.hire",
            ["DisplayName"] = "新入 太郎",
            ["Password"] = "a-long-first-password",
            ["Role"] = Roles.Editor,
            ["DepartmentIds"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (list, document) = await admin.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("新入 太郎", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("編集者", document.Body!.TextContent, StringComparison.Ordinal);
        await WebSession.SignInAsync(factory, "new.hire", "a-long-first-password");
    }

    [Fact]
    public async Task AdminUsers_ShortPassword_Returns400AndKeepsInput()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.SubmitAsync("/admin/users/new", "form[action='/admin/users/new']", new()
        {
            ["UserName"] = "short.pw",
            ["DisplayName"] = "短い パスワード",
            ["Password"] = "short",
            ["Role"] = Roles.Reader,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("10文字以上", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("短い パスワード", document.QuerySelector("#DisplayName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AdminUsers_ResetPassword_ShowsNewPasswordThatWorks()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await factory.CreateUserAsync("forgetful.user", Roles.Reader);

        var response = await admin.SubmitAsync($"/admin/users/{id}", $"form[action='/admin/users/{id}/reset-password']", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, document) = await admin.GetAsync($"/admin/users/{id}");
        var password = document.QuerySelector("code.secret")!.TextContent;

        await WebSession.SignInAsync(factory, "forgetful.user", password);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400JapanesePage()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.PostAsync("/manuals/new", new Dictionary<string, string> { ["Title"] = "x", ["DepartmentId"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リクエストを処理できませんでした", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_English_SwitchesUi()
    {
        var session = new WebSession(factory.CreateBrowserlikeClient());
        var token = await session.TokenFromAsync("/account/sign-in");

        var response = await session.PostAsync("/language", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en-US",
            ["returnUrl"] = "/account/sign-in",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, document) = await session.GetAsync("/account/sign-in");
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", document.QuerySelector("h1")!.TextContent.Trim());
        var signedIn = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "admin", ["Password"] = ManualsAppFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var (_, list) = await session.GetAsync("/manuals");
        var manual = list.QuerySelectorAll(".manual-list a").First(a => a.TextContent.Trim() == "月次決算の手順").GetAttribute("href")!;
        var (_, page) = await session.GetAsync(manual);
        Assert.Equal("Caution", page.QuerySelector(".callout-warning .callout-label")!.TextContent);
        Assert.Contains("Last updated", page.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
    }
}
