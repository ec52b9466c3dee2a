using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Web.Tests.Features.Accounts;
using Manuals.Web.Tests.Infrastructure;
using Manuals.Web.Tests.Infrastructure.OpenId;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Admin;

/// <summary>
/// Company accounts on the admin user pages: shown with their provider, last sign-in and where their access comes from
/// (「ディレクトリ」 or 「手動設定」); no password to reset; an admin's manual role and departments survive the next sign-in.
/// </summary>
public sealed class CompanyAccountAdministrationTests(CompanySignInFixture fixture) : IClassFixture<CompanySignInFixture>
{
    [Fact]
    public async Task UserPages_CompanyAccount_ShowProviderLastSignInAndDirectoryAndOfferNoPassword()
    {
        var userId = await SignInAsync(new TestIdentity { Subject = "admin-view", Name = "表示 一子", Groups = [CompanySignInFixture.GeneralAffairsGroup] });
        var admin = await WebSession.SignInAsync(fixture.App, "admin", ManualsAppFactory.AdminPassword);

        var (_, list) = await admin.GetAsync("/admin/users");
        var (_, form) = await admin.GetAsync($"/admin/users/{userId}");

        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("表示 一子", StringComparison.Ordinal));
        Assert.Contains("Microsoft Entra ID", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("ディレクトリ", row.QuerySelector(".badge--builtin")!.TextContent);
        Assert.NotNull(row.QuerySelector("time"));
        var adminRow = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.TextContent == "admin");
        Assert.Contains("Manuals のアカウント", adminRow.TextContent, StringComparison.Ordinal);

        Assert.Contains("会社のアカウント", form.QuerySelector("#company-account-title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("表示 一子", form.QuerySelector(".company-account")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("input[name=UserName]"));
        Assert.Null(form.QuerySelector($"form[action='/admin/users/{userId}/reset-password']"));
        Assert.False(((IHtmlInputElement)form.QuerySelector("#AccessOverridden")!).IsChecked);
        Assert.All(form.QuerySelectorAll("fieldset.directory-access"), f => Assert.True(f.HasAttribute("disabled")));
    }

    [Fact]
    public async Task ResetPassword_CompanyAccount_400WithReasonAndStillNoPassword()
    {
        var userId = await SignInAsync(new TestIdentity { Subject = "admin-reset", Name = "再設 二子" });
        var admin = await WebSession.SignInAsync(fixture.App, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.PostAsync(
            $"/admin/users/{userId}/reset-password", [new("__RequestVerificationToken", await admin.TokenFromAsync($"/admin/users/{userId}"))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("パスワードがないため、再設定できません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await FindUserAsync(userId)).PasswordHash);
    }

    [Fact]
    public async Task ManualOverride_RoleAndDepartmentsSurviveTheNextSignIn_UntilTheAdminHandsThemBack()
    {
        var person = new TestIdentity { Subject = "admin-override", Name = "手動 三子", Groups = [CompanySignInFixture.GeneralAffairsGroup] };
        var userId = await SignInAsync(person);
        var soumu = await fixture.DepartmentIdAsync("総務");
        var keiri = await fixture.DepartmentIdAsync("経理・財務");
        var admin = await WebSession.SignInAsync(fixture.App, "admin", ManualsAppFactory.AdminPassword);

        // Without the box, a role and departments in the request are ignored: the directory decides.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, userId, overridden: false, Roles.Admin, keiri)).StatusCode);
        Assert.Equal(Access(Roles.Reader, soumu), await AccessAsync(userId));

        // With the box: set by hand, shown as such, audited, and kept against the directory at the next sign-in.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, userId, overridden: true, Roles.Editor, keiri)).StatusCode);
        Assert.Equal(Access(Roles.Editor, keiri), await AccessAsync(userId));
        var (_, list) = await admin.GetAsync("/admin/users");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("手動 三子", StringComparison.Ordinal));
        Assert.Equal("手動設定", row.QuerySelector(".badge--attention")!.TextContent);
        var entries = (await fixture.App.Services.GetRequiredService<IAuditLog>()
            .ListAsync(AuditFilter.None, new AuditPageRequest(Size: 5), CancellationToken.None)).Entries;
        Assert.Contains(entries, e => e.Action == AuditAction.UserUpdated && e.Detail == "ロールと部署: ディレクトリ → 手動設定" && e.TargetName is not null);
        await SignInAsync(person);
        Assert.Equal(Access(Roles.Editor, keiri), await AccessAsync(userId));

        // Handed back to the directory: the next sign-in applies the directory again.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, userId, overridden: false, Roles.Editor, keiri)).StatusCode);
        await SignInAsync(person);
        Assert.Equal(Access(Roles.Reader, soumu), await AccessAsync(userId));
    }

    private async Task<long> SignInAsync(TestIdentity person)
    {
        fixture.Entra.NextUser = person;
        var result = await fixture.Browser(fixture.Entra, out _).SignInAsync("/account/external/entra");
        Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
        return (await fixture.UserNamedAsync(person.Name!))!.Id;
    }

    private static async Task<HttpResponseMessage> SaveAsync(WebSession admin, long userId, bool overridden, string role, long departmentId) =>
        await admin.PostAsync($"/admin/users/{userId}",
        [
            new("__RequestVerificationToken", await admin.TokenFromAsync($"/admin/users/{userId}")),
            new("AccessOverridden", overridden ? "true" : "false"),
            new("Role", role),
            new("DepartmentIds", departmentId.ToString(CultureInfo.InvariantCulture)),
            new("IsDisabled", "false"),
        ]);

    /// <summary>The user's roles and departments as one comparable line, e.g. <c>Reader / 3</c>.</summary>
    private async Task<string> AccessAsync(long userId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(userId, CancellationToken.None);
        return $"{string.Join(",", user!.Roles)} / {string.Join(",", user.DepartmentIds)}";
    }

    private static string Access(string role, long departmentId) => $"{role} / {departmentId}";

    private async Task<User> FindUserAsync(long userId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture)))!;
    }
}
