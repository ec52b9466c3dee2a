using System.Net;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;
using Manuals.Web.Tests.Infrastructure.OpenId;

namespace Manuals.Web.Tests.Features.Accounts;

/// <summary>Company sign-in settings that change who may get in: multi-tenant allow-lists and local accounts turned off.</summary>
public sealed class CompanySignInSettingsTests
{
    private const string AllowedTenant = "22222222-3333-4444-8555-666666666666";

    [Fact]
    public async Task MultiTenant_AllowedTenantSignsIn_OtherTenantRefusedAsTenant()
    {
        await using var provider = new TestOpenIdProvider(AllowedTenant);
        await provider.StartAsync();
        using var app = new ManualsAppFactory();
        app.Settings["AzureAd:Instance"] = provider.BaseUri.AbsoluteUri;
        app.Settings["AzureAd:TenantId"] = "organizations";
        app.Settings["AzureAd:AllowedTenants:0"] = AllowedTenant;
        app.Settings["AzureAd:ClientId"] = provider.ClientId;
        app.Settings["AzureAd:ClientSecret"] = provider.ClientSecret!;

        provider.NextUser = new TestIdentity { Subject = "allowed", Name = "許可 一郎" };
        var allowed = await new OpenIdRedirects(app.CreateBrowserlikeClient(), provider.CreateClient()).SignInAsync("/account/external/entra");
        Assert.Equal(HttpStatusCode.OK, allowed.Response.StatusCode);
        Assert.Equal("/", allowed.FinalUrl.AbsolutePath);

        provider.NextUser = new TestIdentity { Subject = "other", Name = "他社 二郎", TenantId = TestOpenIdProvider.OtherTenantId };
        var other = await new OpenIdRedirects(app.CreateBrowserlikeClient(), provider.CreateClient()).SignInAsync("/account/external/entra");
        Assert.Equal(HttpStatusCode.Forbidden, other.Response.StatusCode);
        Assert.Contains("reason=tenant&", other.FinalUrl.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("organizations", "AllowedTenants")]
    [InlineData("contoso.onmicrosoft.com", "GUID")]
    public void Start_EntraTenantSettingThatCannotBeEnforced_StopsWithAMessage(string tenantId, string message)
    {
        using var app = new ManualsAppFactory();
        app.Settings["AzureAd:TenantId"] = tenantId;
        app.Settings["AzureAd:ClientId"] = "client";

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalAccountsOff_OnlyAdminsSignInWithAPassword()
    {
        using var app = new ManualsAppFactory();
        app.Settings["Manuals:SignIn:LocalAccounts"] = "false";
        await app.CreateUserAsync("editor-local", Roles.Editor, "総務");

        var page = await app.CreateBrowserlikeClient().GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Contains("管理者の緊急用サインイン", page, StringComparison.Ordinal);

        var editor = new WebSession(app.CreateBrowserlikeClient());
        var refused = await editor.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "editor-local", ["Password"] = ManualsAppFactory.UserPassword });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ユーザー名またはパスワードが正しくありません", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The break-glass account still gets in.
        await WebSession.SignInAsync(app, "admin", ManualsAppFactory.AdminPassword);
    }
}
