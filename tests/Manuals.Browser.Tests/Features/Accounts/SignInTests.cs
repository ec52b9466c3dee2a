using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Accounts;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task ManualList_Anonymous_RedirectsToSignIn()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/manuals");

        await Expect(page).ToHaveURLAsync(new Regex(@"/account/sign-in\?ReturnUrl=%2Fmanuals$"));
        var signIn = await SignInPage.ShownAsync(page);
        await Expect(signIn.UserName).ToBeEmptyAsync();
        await Expect(signIn.Errors).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsError()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = await SignInPage.OpenAsync(page);

        await signIn.SubmitAsync(ManualsAppFactory.AdminUserName, "not-the-admin-password");

        await Expect(signIn.Errors).ToContainTextAsync("ユーザー名またはパスワードが正しくありません。");
        await Expect(signIn.Password).ToBeEmptyAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await Screenshots.SaveAsync(page, "sign-in-wrong-password");
    }
}
