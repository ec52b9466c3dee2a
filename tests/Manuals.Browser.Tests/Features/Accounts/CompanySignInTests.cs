using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;
using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Web.Tests.Infrastructure.OpenId;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Browser.Tests.Features.Accounts;

/// <summary>
/// Signing in with a company account in Chromium: the app (its own server, with Entra ID configured) sends the browser
/// to the test provider on loopback and back, through Microsoft.Identity.Web, code flow with PKCE.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class CompanySignInTests(BrowserFixture browser) : IAsyncLifetime, IAsyncDisposable
{
    private const string TenantId = "33333333-4444-4555-8666-777777777777";
    private const string GeneralAffairsGroup = "b7d1e2f0-0000-4000-8000-0000000000c1";

    private readonly TestOpenIdProvider _provider = new(TenantId);
    private ManualsAppFactory? _app;

    private ManualsAppFactory App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _app = new ManualsAppFactory(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = _provider.BaseUri.AbsoluteUri,
            ["AzureAd:TenantId"] = TenantId,
            ["AzureAd:ClientId"] = _provider.ClientId,
            ["AzureAd:ClientSecret"] = _provider.ClientSecret,
        });
        _app.StartServer();
        await using var scope = _app.Services.CreateAsyncScope();
        var departments = await scope.ServiceProvider.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IDirectoryGroupMappingStore>()
            .AddAsync(GeneralAffairsGroup, "総務部", departments.Single(d => d.Name == "総務").Id, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task MicrosoftButton_SignsInAsTheMappedEditorOfTheMappedDepartment()
    {
        _provider.NextUser = new TestIdentity
        {
            Subject = "browser-user",
            Name = "中村 由美",
            Email = "yumi.nakamura@corp.example",
            PreferredUserName = "yumi.nakamura@corp.example",
            Roles = ["Manuals.Editor"],
            Groups = [GeneralAffairsGroup],
        };
        await using var context = await browser.NewContextAsync(App);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/coverage");
        await SignInPage.ShownAsync(page);
        var microsoft = page.GetByRole(AriaRole.Link, new() { Name = "Microsoft アカウントでサインイン" });
        await Expect(microsoft).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "company-sign-in");

        await microsoft.ClickAsync();

        // Back where the person wanted to go, signed in as the directory says: an Editor of 総務.
        await page.WaitForURLAsync("**/coverage");
        await Expect(page.GetByText("中村 由美")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("総務");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true })).ToHaveCountAsync(0);
        await page.GotoAsync("/manuals/new");
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sign-in"));
        await Screenshots.SaveAsync(page, "company-signed-in");
        Assert.Equal("S256", _provider.LastAuthorizeRequest!["code_challenge_method"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "サインアウトしました" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Microsoft アカウントからもサインアウトする" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Microsoft アカウントからもサインアウトしました。");
        Assert.Single(_provider.LogoutRequests);
    }

    [Fact]
    public async Task ExpiredToken_ShowsTheJapaneseRefusalPageAndNobodyIsSignedIn()
    {
        _provider.NextUser = new TestIdentity { Subject = "browser-expired", Name = "期限 切子" };
        _provider.NextFault = TokenFault.Expired;
        await using var context = await browser.NewContextAsync(App);
        var page = await context.NewPageAsync();
        await SignInPage.OpenAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Microsoft アカウントでサインイン" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "サインインできませんでした" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("token-expired");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("情報システム部門にお伝えいただく内容");
        await Screenshots.SaveAsync(page, "company-sign-in-refused");
        await page.GotoAsync("/");
        await SignInPage.ShownAsync(page);
    }

    [Fact]
    public async Task Admin_SetsACompanyAccountsRoleByHand_AfterTickingTheOverride()
    {
        _provider.NextUser = new TestIdentity { Subject = "browser-override", Name = "小林 直子", Groups = [GeneralAffairsGroup] };
        await using (var person = await browser.NewContextAsync(App))
        {
            var page = await person.NewPageAsync();
            await SignInPage.OpenAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Microsoft アカウントでサインイン" }).ClickAsync();
            await Expect(page.Locator(".site-user__name")).ToHaveTextAsync("小林 直子");
        }

        await using var context = await browser.NewContextAsync(App);
        var admin = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(admin)).SubmitAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await admin.GotoAsync("/admin/users");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "小林 直子" });
        await Expect(row).ToContainTextAsync("Microsoft Entra ID");
        await Expect(row).ToContainTextAsync("ディレクトリ");
        await Screenshots.SaveAsync(admin, "admin-users-company-account");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        var editor = admin.GetByRole(AriaRole.Radio, new() { Name = "編集者" });
        await Expect(editor).ToBeDisabledAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "パスワードを再設定する" })).ToHaveCountAsync(0);
        await admin.GetByLabel("ロールと部署を手動で設定する（ディレクトリの設定より優先）").CheckAsync();
        await Expect(editor).ToBeEnabledAsync();
        await editor.CheckAsync();
        await Screenshots.SaveAsync(admin, "admin-user-company-account");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("ユーザー情報を保存しました。");
        await Expect(admin.GetByRole(AriaRole.Radio, new() { Name = "編集者" })).ToBeCheckedAsync();
        await admin.GotoAsync("/admin/users");
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "小林 直子" })).ToContainTextAsync("手動設定");
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }

        await _provider.DisposeAsync();
    }
}
