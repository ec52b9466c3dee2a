using System.Net;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Manuals.Web.Tests.Features.Accounts;

/// <summary>Sessions end at once: sign-out, disabling, password resets, role and department changes, own password change.</summary>
public sealed class SessionTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string SignInForm = "form[action='/account/sign-in']";

    [Fact]
    public async Task SignOut_ReplayedCookie_IsAnonymousAtOnce()
    {
        await factory.CreateUserAsync("replay.user", Roles.Reader, "総務");
        var (session, cookie) = await SignInAsync("replay.user", ManualsAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await Replay(cookie, "/manuals")).StatusCode);

        var signedOut = await session.SubmitAsync("/manuals", "form[action='/account/sign-out']", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        AssertSignInRedirect(await Replay(cookie, "/manuals"));
    }

    [Fact]
    public async Task DisableUser_OpenSession_IsRefusedAtOnce()
    {
        var id = await factory.CreateUserAsync("disabled.later", Roles.Editor, "総務");
        var (user, cookie) = await SignInAsync("disabled.later", ManualsAppFactory.UserPassword);
        var token = await user.TokenFromAsync("/manuals/new");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var saved = await admin.SubmitAsync($"/admin/users/{id}", $"form[action='/admin/users/{id}']", new() { ["IsDisabled"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        AssertSignInRedirect(await Replay(cookie, "/manuals"));
        var posted = await user.PostAsync("/manuals/new", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Title"] = "無効化後のマニュアル",
            ["DepartmentId"] = "3",
        });
        Assert.False(posted.IsSuccessStatusCode || posted.Headers.Location?.AbsolutePath.StartsWith("/manuals/", StringComparison.Ordinal) == true,
            $"POST after disabling answered {(int)posted.StatusCode} {posted.Headers.Location}");
        var (_, list) = await admin.GetAsync("/manuals");
        Assert.DoesNotContain("無効化後のマニュアル", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_OpenSession_EndsAtOnce()
    {
        var id = await factory.CreateUserAsync("reset.later", Roles.Reader, "総務");
        var (_, cookie) = await SignInAsync("reset.later", ManualsAppFactory.UserPassword);
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var reset = await admin.SubmitAsync($"/admin/users/{id}", $"form[action='/admin/users/{id}/reset-password']", []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        AssertSignInRedirect(await Replay(cookie, "/manuals"));
    }

    [Theory]
    [InlineData("Role", Roles.Reader)]
    [InlineData("DepartmentIds", "1")]
    public async Task AdminChangesRights_OpenSession_EndsAtOnce(string field, string value)
    {
        var userName = "rights." + field.ToLowerInvariant();
        var id = await factory.CreateUserAsync(userName, Roles.Editor, "総務");
        var (_, cookie) = await SignInAsync(userName, ManualsAppFactory.UserPassword);
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var saved = await admin.SubmitAsync($"/admin/users/{id}", $"form[action='/admin/users/{id}']", new() { [field] = value });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        AssertSignInRedirect(await Replay(cookie, "/manuals"));
    }

    [Fact]
    public async Task AdminSavesUnchangedUser_OpenSession_Continues()
    {
        var id = await factory.CreateUserAsync("unchanged.user", Roles.Editor, "総務");
        var (_, cookie) = await SignInAsync("unchanged.user", ManualsAppFactory.UserPassword);
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var saved = await admin.SubmitAsync($"/admin/users/{id}", $"form[action='/admin/users/{id}']", []);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Replay(cookie, "/manuals")).StatusCode);
    }

    [Fact]
    public async Task ChangeOwnPassword_TwoSessions_KeepsThisOneAndEndsTheOther()
    {
        await factory.CreateUserAsync("two.browsers", Roles.Reader, "総務");
        var (here, _) = await SignInAsync("two.browsers", ManualsAppFactory.UserPassword);
        var (_, elsewhere) = await SignInAsync("two.browsers", ManualsAppFactory.UserPassword);

        var changed = await here.SubmitAsync("/account/password", "form[action='/account/password']", new()
        {
            ["CurrentPassword"] = ManualsAppFactory.UserPassword,
            ["NewPassword"] = "a-brand-new-passphrase",
            ["ConfirmPassword"] = "a-brand-new-passphrase",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/manuals")).Response.StatusCode);
        AssertSignInRedirect(await Replay(elsewhere, "/manuals"));
    }

    [Fact]
    public async Task SessionExpired_ByTheClock_IsAnonymous()
    {
        await factory.CreateUserAsync("expiring.user", Roles.Reader, "総務");
        var (_, cookie) = await SignInAsync("expiring.user", ManualsAppFactory.UserPassword);

        factory.Clock.Advance(TimeSpan.FromHours(11));
        try
        {
            AssertSignInRedirect(await Replay(cookie, "/manuals"));
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromHours(-11));
        }
    }

    /// <summary>Signs in with a client that keeps cookies, and returns the sign-in cookie as the server set it.</summary>
    private async Task<(WebSession Session, string Cookie)> SignInAsync(string userName, string password)
    {
        var session = new WebSession(factory.CreateBrowserlikeClient());
        var response = await session.SubmitAsync("/account/sign-in", SignInForm, new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("manuals.auth=", StringComparison.Ordinal));
        return (session, cookie.Split(';')[0]);
    }

    /// <summary>A request from another client that only replays the given cookie.</summary>
    private async Task<HttpResponseMessage> Replay(string cookie, string url)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static void AssertSignInRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }
}
