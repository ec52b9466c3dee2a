namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/account/password</c>: current, new and repeated password; shown first after an admin set the password.</summary>
public sealed class ChangePasswordPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "パスワード変更", Level = 1 });

    public ILocator CurrentPassword => page.GetByLabel("現在のパスワード", new() { Exact = true });

    public ILocator NewPassword => page.GetByLabel("新しいパスワード", new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel("新しいパスワード（確認）", new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "変更する", Exact = true });

    public static async Task<ChangePasswordPage> ShownAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = new ChangePasswordPage(page);
        await Expect(form.Heading).ToBeVisibleAsync();
        return form;
    }

    /// <summary>Changes the password and lands on the manual list.</summary>
    public async Task<ManualListPage> ChangeAsync(string current, string next)
    {
        await CurrentPassword.FillAsync(current);
        await NewPassword.FillAsync(next);
        await ConfirmPassword.FillAsync(next);
        await SubmitButton.ClickAsync();
        return await ManualListPage.ShownAsync(page);
    }
}
