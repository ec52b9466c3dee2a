namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/account/sign-in</c>: user name, password and the サインイン button.</summary>
public sealed class SignInPage(IPage page)
{
    public const string Url = "/account/sign-in";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "サインイン", Level = 1 });

    public ILocator UserName => page.GetByLabel("ユーザー名", new() { Exact = true });

    public ILocator Password => page.GetByLabel("パスワード", new() { Exact = true });

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true });

    /// <summary>The form's problem list, announced as an alert.</summary>
    public ILocator Errors => page.GetByRole(AriaRole.Alert);

    public static async Task<SignInPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Url);
        return await ShownAsync(page);
    }

    /// <summary>The sign-in page the browser is on now, e.g. after being redirected to it.</summary>
    public static async Task<SignInPage> ShownAsync(IPage page)
    {
        var signIn = new SignInPage(page);
        await Expect(signIn.Heading).ToBeVisibleAsync();
        return signIn;
    }

    public async Task SubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }

    /// <summary>
    /// Signs in with a password an admin set: the app asks for a new one first; sets <paramref name="newPassword"/>
    /// and lands on the manual list.
    /// </summary>
    public async Task<ManualListPage> SignInFirstTimeAsync(string userName, string initialPassword, string newPassword)
    {
        await SubmitAsync(userName, initialPassword);
        var form = await ChangePasswordPage.ShownAsync(page);
        await Expect(page.GetByText("管理者が設定したパスワードでサインインしています。")).ToBeVisibleAsync();
        return await form.ChangeAsync(initialPassword, newPassword);
    }

    /// <summary>Signs in, lands on the home page, and opens the manual list from the main menu.</summary>
    public async Task<ManualListPage> SignInAsync(string userName, string password)
    {
        await SubmitAsync(userName, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("お疲れさまです");
        await MainMenu.OpenAsync(page, "マニュアル一覧");
        return await ManualListPage.ShownAsync(page);
    }
}
