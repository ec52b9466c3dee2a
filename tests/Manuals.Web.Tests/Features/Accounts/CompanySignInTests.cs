using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Web.Tests.Infrastructure.OpenId;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Accounts;

/// <summary>
/// Company sign-in through the real redirect flow: the app's OpenID Connect handlers (Microsoft.Identity.Web for Entra ID,
/// the plain handler for the other provider) against test providers on loopback, code flow with PKCE.
/// </summary>
public sealed class CompanySignInTests(CompanySignInFixture fixture) : IClassFixture<CompanySignInFixture>
{
    [Fact]
    public async Task EntraSignIn_FirstTime_CreatesTheUserWithMappedRoleAndDepartmentsAndLandsOnHome()
    {
        fixture.Entra.NextUser = new TestIdentity
        {
            Subject = "entra-sub-first",
            ObjectId = "0a000000-0000-4000-8000-000000000001",
            Name = "山田 花子",
            Email = "hanako.yamada@corp.example",
            PreferredUserName = "hanako.yamada@corp.example",
            Roles = ["Manuals.Editor"],
            Groups = [CompanySignInFixture.GeneralAffairsGroup, "unmapped-group"],
        };
        var browser = fixture.Browser(fixture.Entra, out var app);

        var result = await browser.SignInAsync("/account/external/entra?returnUrl=%2Fmanuals");

        Assert.True(result.Response.StatusCode == HttpStatusCode.OK, result.FinalUrl.ToString());
        Assert.Equal("/manuals", result.FinalUrl.AbsolutePath);
        Assert.Contains("山田 花子", await result.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var user = await fixture.UserNamedAsync("山田 花子");
        Assert.NotNull(user);
        Assert.Equal([Roles.Editor], user.Roles);
        Assert.Equal([await fixture.DepartmentIdAsync("総務")], user.DepartmentIds);
        Assert.Equal("hanako.yamada@corp.example", user.Email);
        // Code flow with PKCE, and the app authenticated itself at the token endpoint.
        var authorize = fixture.Entra.LastAuthorizeRequest!;
        Assert.Equal("code", authorize["response_type"]);
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(authorize["code_challenge"]));
        var token = fixture.Entra.TokenRequests[^1];
        Assert.Equal(200, token.StatusCode);
        Assert.False(string.IsNullOrEmpty(token["code_verifier"]));
        Assert.NotEqual("none", token.ClientAuthentication);
        // A session like any other: the pages that need sign-in open.
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync(new Uri("/coverage", UriKind.Relative))).StatusCode);
        var audit = await LatestSignInAsync();
        Assert.Equal((AuditOutcome.Success, AuditMethod.Entra, user.Id, "山田 花子"), (audit.Outcome, audit.Method, audit.ActorUserId, audit.ActorName));
    }

    [Fact]
    public async Task EntraSignIn_SecondTimeWithChangedGroupsAndEmail_SameUserWithNewDepartmentsAndEmail()
    {
        var person = new TestIdentity
        {
            Subject = "entra-sub-second",
            ObjectId = "0a000000-0000-4000-8000-000000000002",
            Name = "佐藤 次郎",
            Email = "jiro.sato@corp.example",
            PreferredUserName = "jiro.sato@corp.example",
            Groups = [CompanySignInFixture.GeneralAffairsGroup],
        };
        fixture.Entra.NextUser = person;
        await fixture.Browser(fixture.Entra, out _).SignInAsync("/account/external/entra");
        var first = await fixture.UserNamedAsync("佐藤 次郎");
        Assert.NotNull(first);
        Assert.Equal([Roles.Reader], first.Roles);

        // Moved to accounting, and the e-mail address was renamed: still the same person (same oid and tenant).
        fixture.Entra.NextUser = new TestIdentity
        {
            Subject = person.Subject,
            ObjectId = person.ObjectId,
            Name = person.Name,
            Email = "j.sato@corp-renamed.example",
            PreferredUserName = "j.sato@corp-renamed.example",
            Groups = [CompanySignInFixture.AccountingGroup],
        };
        var second = await fixture.Browser(fixture.Entra, out _).SignInAsync("/account/external/entra");

        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);
        var user = await fixture.UserNamedAsync("佐藤 次郎");
        Assert.NotNull(user);
        Assert.Equal(first.Id, user.Id);
        Assert.Equal([await fixture.DepartmentIdAsync("経理・財務")], user.DepartmentIds);
        Assert.Equal("j.sato@corp-renamed.example", user.Email);
    }

    [Fact]
    public async Task EntraSignIn_GroupsOverage_KeepsTheDepartmentsTheUserHad()
    {
        var person = new TestIdentity
        {
            Subject = "entra-sub-overage",
            ObjectId = "0a000000-0000-4000-8000-000000000010",
            Name = "多組 八郎",
            Groups = [CompanySignInFixture.AccountingGroup],
        };
        fixture.Entra.NextUser = person;
        await fixture.Browser(fixture.Entra, out _).SignInAsync("/account/external/entra");

        // Now in too many groups: Entra ID leaves "groups" out and points to Graph in _claim_names instead.
        fixture.Entra.NextUser = new TestIdentity
        {
            Subject = person.Subject,
            ObjectId = person.ObjectId,
            Name = person.Name,
            OtherClaims = new Dictionary<string, string> { ["_claim_names"] = "{\"groups\":\"src1\"}" },
        };
        var result = await fixture.Browser(fixture.Entra, out _).SignInAsync("/account/external/entra");

        Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
        var user = await fixture.UserNamedAsync("多組 八郎");
        Assert.Equal([await fixture.DepartmentIdAsync("経理・財務")], user!.DepartmentIds);
    }

    [Fact]
    public async Task EntraSignIn_DirectoryChangesRoles_TheOlderSessionEnds()
    {
        var person = new TestIdentity
        {
            Subject = "entra-sub-roles",
            ObjectId = "0a000000-0000-4000-8000-000000000003",
            Name = "鈴木 三郎",
            Roles = ["Manuals.Reader"],
        };
        fixture.Entra.NextUser = person;
        await fixture.Browser(fixture.Entra, out var oldSession).SignInAsync("/account/external/entra");
        Assert.Equal(HttpStatusCode.OK, (await oldSession.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        fixture.Entra.NextUser = new TestIdentity { Subject = person.Subject, ObjectId = person.ObjectId, Name = person.Name, Roles = ["Manuals.Admin"] };
        await fixture.Browser(fixture.Entra, out var newSession).SignInAsync("/account/external/entra");

        Assert.Equal(HttpStatusCode.OK, (await newSession.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode);
        var old = await oldSession.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Contains("/account/sign-in", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenericSignIn_ConfiguredClaimNames_LinksBySubjectAndIssuerAndMapsGroups()
    {
        fixture.Generic.NextUser = new TestIdentity
        {
            Subject = "not-the-id-here",
            Name = "高橋 四郎",
            Email = "shiro@idp.example",
            Roles = ["Manuals.Editor"],
            OtherClaims = new Dictionary<string, string> { ["employee_id"] = "E-1004", ["teams"] = CompanySignInFixture.AccountingGroup },
        };

        var result = await fixture.Browser(fixture.Generic, out _).SignInAsync("/account/external/oidc");

        Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
        var user = await fixture.UserNamedAsync("高橋 四郎");
        Assert.NotNull(user);
        Assert.Equal([Roles.Editor], user.Roles);
        Assert.Equal([await fixture.DepartmentIdAsync("経理・財務")], user.DepartmentIds);
        var audit = await LatestSignInAsync();
        Assert.Equal((AuditOutcome.Success, AuditMethod.Oidc, user.Id), (audit.Outcome, audit.Method, audit.ActorUserId));

        // The same employee_id again, whatever "sub" says now: the same user.
        fixture.Generic.NextUser = new TestIdentity
        {
            Subject = "another-sub",
            Name = "高橋 四郎",
            OtherClaims = new Dictionary<string, string> { ["employee_id"] = "E-1004" },
        };
        await fixture.Browser(fixture.Generic, out _).SignInAsync("/account/external/oidc");
        Assert.Equal(user.Id, (await fixture.UserNamedAsync("高橋 四郎"))!.Id);
    }

    [Fact]
    public async Task SignInPage_ProvidersConfigured_ShowsBothButtonsAboveTheLocalForm()
    {
        var page = await fixture.App.CreateBrowserlikeClient().GetStringAsync(new Uri("/account/sign-in?returnUrl=%2Fcoverage", UriKind.Relative));

        var microsoft = page.IndexOf("Microsoft アカウントでサインイン", StringComparison.Ordinal);
        var generic = page.IndexOf("テスト IdP でサインイン", StringComparison.Ordinal);
        var form = page.IndexOf("action=\"/account/sign-in\"", StringComparison.Ordinal);
        Assert.True(microsoft > 0 && generic > microsoft && form > generic, "buttons first, then the local form");
        Assert.Contains("href=\"/account/external/entra?returnUrl=%2Fcoverage\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TokenFault.WrongNonce, "nonce")]
    [InlineData(TokenFault.Expired, "token-expired")]
    [InlineData(TokenFault.WrongAudience, "audience")]
    [InlineData(TokenFault.WrongIssuer, "issuer")]
    [InlineData(TokenFault.WrongTenant, "tenant")]
    [InlineData(TokenFault.BadSignature, "signature")]
    [InlineData(TokenFault.UnknownSigningKey, "signing-key")]
    public async Task EntraSignIn_BadToken_RefusedWithReasonAndNobodySignedIn(TokenFault fault, string reason)
    {
        var name = "拒否 " + fault;
        fixture.Entra.NextUser = new TestIdentity { Subject = "refused-" + fault, Name = name, Roles = ["Manuals.Admin"] };
        fixture.Entra.NextFault = fault;
        var browser = fixture.Browser(fixture.Entra, out var app);

        var result = await browser.SignInAsync("/account/external/entra");

        await AssertRefusedAsync(result, app, reason);
        Assert.Null(await fixture.UserNamedAsync(name));
    }

    [Theory]
    [InlineData(TokenFault.Expired, "token-expired")]
    [InlineData(TokenFault.WrongIssuer, "issuer")]
    [InlineData(TokenFault.BadSignature, "signature")]
    public async Task GenericSignIn_BadToken_RefusedWithReasonAndNobodySignedIn(TokenFault fault, string reason)
    {
        fixture.Generic.NextUser = new TestIdentity
        {
            Name = "拒否 generic " + fault,
            OtherClaims = new Dictionary<string, string> { ["employee_id"] = "refused-" + fault },
        };
        fixture.Generic.NextFault = fault;

        var result = await fixture.Browser(fixture.Generic, out var app).SignInAsync("/account/external/oidc");

        await AssertRefusedAsync(result, app, reason);
    }

    [Fact]
    public async Task Callback_StateTampered_RefusedAsState()
    {
        fixture.Entra.NextUser = new TestIdentity { Subject = "tampered", Name = "改ざん 五郎" };
        var browser = fixture.Browser(fixture.Entra, out var app);
        var callback = await browser.RunToCallbackAsync("/account/external/entra");

        var result = await browser.DeliverAsync(callback.With("state", callback.State + "x"));

        await AssertRefusedAsync(result, app, "state");
        Assert.Null(await fixture.UserNamedAsync("改ざん 五郎"));
    }

    [Fact]
    public async Task Callback_Replayed_SecondTimeRefusedAndTheCodeWasNotRedeemedTwice()
    {
        fixture.Entra.NextUser = new TestIdentity { Subject = "replayed", Name = "再送 六郎" };
        var browser = fixture.Browser(fixture.Entra, out _);
        var callback = await browser.RunToCallbackAsync("/account/external/entra");
        var first = await browser.DeliverAsync(callback);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);

        // The same callback from another browser (an attacker who saw the URL) gets nothing.
        var attacker = fixture.Browser(fixture.Entra, out var attackerApp);
        var replay = await attacker.DeliverAsync(callback);

        await AssertRefusedAsync(replay, attackerApp, "state");
        Assert.Single(fixture.Entra.TokenRequests, t => t["code"] == callback.Code);
    }

    [Fact]
    public async Task Callback_CodeReplayedWithValidState_ProviderRefusesAndAppSaysCode()
    {
        // The browser's own state is valid, but the code was already used: the provider answers invalid_grant.
        fixture.Entra.NextUser = new TestIdentity { Subject = "code-replay", Name = "再利用 七郎" };
        var first = fixture.Browser(fixture.Entra, out _);
        var used = await first.RunToCallbackAsync("/account/external/entra");
        await first.DeliverAsync(used);

        var second = fixture.Browser(fixture.Entra, out var app);
        var fresh = await second.RunToCallbackAsync("/account/external/entra");
        var result = await second.DeliverAsync(fresh.With("code", used.Code!));

        await AssertRefusedAsync(result, app, "code");
    }

    [Fact]
    public async Task EntraSignIn_DisabledUser_RefusedAsDisabled()
    {
        var person = new TestIdentity { Subject = "disabled", ObjectId = "0a000000-0000-4000-8000-000000000009", Name = "無効 八郎" };
        fixture.Entra.NextUser = person;
        await fixture.Browser(fixture.Entra, out _).SignInAsync("/account/external/entra");
        var user = await fixture.UserNamedAsync("無効 八郎");
        Assert.NotNull(user);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            var entity = await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            entity!.IsDisabled = true;
            Assert.True((await users.UpdateAsync(entity)).Succeeded);
        }

        fixture.Entra.NextUser = person;
        var result = await fixture.Browser(fixture.Entra, out var app).SignInAsync("/account/external/entra");

        await AssertRefusedAsync(result, app, "disabled");
    }

    [Fact]
    public async Task SignOut_CompanySession_EndsLocallyThenOffersAndPerformsProviderSignOut()
    {
        fixture.Entra.NextUser = new TestIdentity { Subject = "sign-out", Name = "退出 九郎" };
        var browser = fixture.Browser(fixture.Entra, out var app);
        await browser.SignInAsync("/account/external/entra");
        var session = new Infrastructure.WebSession(app);

        var signOut = await session.PostAsync("/account/sign-out", [new("__RequestVerificationToken", await session.TokenFromAsync("/"))]);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/signed-out?provider=entra", signOut.Headers.Location!.OriginalString);
        var log = fixture.App.Services.GetRequiredService<IAuditLog>();
        var signedOut = Assert.Single((await log.ListAsync(new AuditFilter(Action: AuditAction.SignOut), new AuditPageRequest(Size: 1), CancellationToken.None)).Entries);
        Assert.Equal("退出 九郎", signedOut.ActorName);
        Assert.Equal(HttpStatusCode.Redirect, (await app.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var (page, document) = await session.GetAsync("/account/signed-out?provider=entra");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Microsoft アカウントからもサインアウトする", document.Body!.TextContent, StringComparison.Ordinal);

        var providerSignOut = await session.SubmitAsync("/account/signed-out?provider=entra", "form[action='/account/external/entra/sign-out']", []);
        var back = await browser.ContinueAsync(providerSignOut);

        var logout = Assert.Single(fixture.Entra.LogoutRequests);
        Assert.Equal(fixture.Entra.ClientId, logout["client_id"]);
        Assert.Equal("http://localhost/signout-callback-oidc", logout["post_logout_redirect_uri"]);
        Assert.Equal(HttpStatusCode.OK, back.Response.StatusCode);
        Assert.Equal("/account/signed-out", back.FinalUrl.AbsolutePath);
        Assert.Contains("Microsoft アカウントからもサインアウトしました", await back.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompanyAccount_HasNoPasswordHere_PageSaysSoAndRefusesAChange()
    {
        fixture.Entra.NextUser = new TestIdentity { Subject = "no-password", Name = "無鍵 十郎" };
        await fixture.Browser(fixture.Entra, out var app).SignInAsync("/account/external/entra");
        var session = new Infrastructure.WebSession(app);

        var (home, homeDocument) = await session.GetAsync("/manuals");
        var (page, document) = await session.GetAsync("/account/password");
        var change = await session.PostAsync("/account/password",
        [
            new("__RequestVerificationToken", await session.TokenFromAsync("/manuals")),
            new("CurrentPassword", "anything-at-all"),
            new("NewPassword", "a-brand-new-password"),
            new("ConfirmPassword", "a-brand-new-password"),
        ]);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Null(homeDocument.QuerySelector("a[href='/account/password']"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("このサイトのパスワードはありません", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("form[action='/account/password']"));
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        var user = await fixture.UserNamedAsync("無鍵 十郎");
        Assert.NotNull(user);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var entity = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>().FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(entity!.PasswordHash);
    }

    [Fact]
    public async Task FailurePage_HostileQuery_ShowsOnlyKnownReasonAndSafeReference()
    {
        var response = await fixture.App.CreateClient().GetAsync(new Uri("/account/sign-in-failed?reason=%3Cscript%3E&provider=x&ref=%3Cb%3Ehi", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("サインインできませんでした", body, StringComparison.Ordinal);
        Assert.Contains("<code>other</code>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;b&gt;hi", body, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(OpenIdRedirectResult result, HttpClient app, string reason)
    {
        var body = await result.Response.Content.ReadAsStringAsync();
        Assert.Equal("/account/sign-in-failed", result.FinalUrl.AbsolutePath);
        Assert.Contains("reason=" + reason + "&", result.FinalUrl.Query, StringComparison.Ordinal);
        Assert.Contains("サインインできませんでした", body, StringComparison.Ordinal);
        Assert.Contains("<code>" + reason + "</code>", body, StringComparison.Ordinal);
        Assert.Contains("参照番号", body, StringComparison.Ordinal);
        // Not allowed in (tenant, disabled account) is 403; a broken or tampered exchange is 400.
        Assert.Equal(reason is "tenant" or "disabled" ? HttpStatusCode.Forbidden : HttpStatusCode.BadRequest, result.Response.StatusCode);

        // Nobody is signed in: the home page sends this browser to sign in.
        var home = await app.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/account/sign-in", home.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The audit log has the failure, its reason code and the reference the page showed.
        var audit = await LatestSignInAsync();
        var reference = System.Web.HttpUtility.ParseQueryString(result.FinalUrl.Query)["ref"];
        Assert.Equal(AuditOutcome.Failure, audit.Outcome);
        Assert.Contains($"理由コード {reason}・参照番号 {reference}", audit.Detail, StringComparison.Ordinal);
    }

    private async Task<AuditEntry> LatestSignInAsync()
    {
        var log = fixture.App.Services.GetRequiredService<IAuditLog>();
        var page = await log.ListAsync(new AuditFilter(Action: AuditAction.SignIn), new AuditPageRequest(Size: 1), CancellationToken.None);
        return Assert.Single(page.Entries);
    }
}
