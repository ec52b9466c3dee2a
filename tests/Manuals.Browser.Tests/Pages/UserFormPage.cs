namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/admin/users/new</c> and <c>/admin/users/{id}</c>: name, role, departments, disabling.</summary>
public sealed class UserFormPage(IPage page)
{
    public ILocator UserName => page.GetByLabel("ユーザー名");

    public ILocator DisplayName => page.GetByLabel("表示名");

    public ILocator Email => page.GetByLabel("メールアドレス", new() { Exact = true });

    public ILocator InitialPassword => page.GetByLabel("初期パスワード");

    public ILocator Role(string name) => page.GetByRole(AriaRole.Radio, new() { Name = name });

    public ILocator Department(string name) => page.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true });

    public static async Task<UserFormPage> OpenNewAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await MainMenu.OpenAsync(page, "管理", exact: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "ユーザーを追加" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ユーザーの追加", Level = 1 })).ToBeVisibleAsync();
        return new UserFormPage(page);
    }
}
