using System.Net;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Features.Accounts;

/// <summary>A password an admin set must be replaced before anything else.</summary>
public sealed class MustChangePasswordTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task SignIn_AdminCreatedUser_IsSentToChangePasswordUntilChanged()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var created = await admin.SubmitAsync("/admin/users/new", "form[action='/admin/users/new']", new()
        {
            ["UserName"] = "first.day",
            ["DisplayName"] = "初日 花子",
            ["Password"] = "set-by-the-admin",
            ["Role"] = Roles.Editor,
            ["DepartmentIds"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var user = await WebSession.SignInAsync(factory, "first.day", "set-by-the-admin");

        foreach (var url in new[] { "/", "/manuals", "/manuals/new", "/search?q=決算" })
        {
            var response = await user.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/password", response.Headers.Location?.OriginalString);
        }

        var (page, document) = await user.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("管理者が設定したパスワード", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        var changed = await user.SubmitAsync("/account/password", "form[action='/account/password']", new()
        {
            ["CurrentPassword"] = "set-by-the-admin",
            ["NewPassword"] = "my-own-passphrase",
            ["ConfirmPassword"] = "my-own-passphrase",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/manuals")).Response.StatusCode);
        var again = await WebSession.SignInAsync(factory, "first.day", "my-own-passphrase");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/manuals")).Response.StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterAdminReset_MustChangeAndSamePasswordIsRefused()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await factory.CreateUserAsync("was.reset", Roles.Reader);
        Assert.Equal(HttpStatusCode.OK, (await (await WebSession.SignInAsync(factory, "was.reset", ManualsAppFactory.UserPassword)).GetAsync("/manuals")).Response.StatusCode);
        await admin.SubmitAsync($"/admin/users/{id}", $"form[action='/admin/users/{id}/reset-password']", []);
        var (_, form) = await admin.GetAsync($"/admin/users/{id}");
        var password = form.QuerySelector("code.secret")!.TextContent;

        var user = await WebSession.SignInAsync(factory, "was.reset", password);
        var blocked = await user.Client.GetAsync(new Uri("/manuals", UriKind.Relative));
        var same = await user.SubmitAsync("/account/password", "form[action='/account/password']", new()
        {
            ["CurrentPassword"] = password,
            ["NewPassword"] = password,
            ["ConfirmPassword"] = password,
        });

        Assert.Equal("/account/password", blocked.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("現在のパスワードと異なるもの", (await WebSession.ParseAsync(same)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account/password", (await user.Client.GetAsync(new Uri("/manuals", UriKind.Relative))).Headers.Location?.OriginalString);
    }
}
