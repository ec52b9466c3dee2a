namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/manuals/new</c>: the same form as editing, empty, with a department choice.</summary>
public sealed class ManualNewPage(IPage page)
{
    public ILocator TitleField => page.GetByLabel("タイトル");

    public ILocator Department => page.GetByLabel("部署");

    public ILocator Status => page.GetByLabel("状態", new() { Exact = true });

    public ILocator Tags => page.GetByLabel("タグ", new() { Exact = true });

    public ILocator Body => page.GetByLabel("本文（Markdown）", new() { Exact = true });

    public ILocator PreviewButton => page.GetByRole(AriaRole.Button, new() { Name = "プレビュー", Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true });

    /// <summary>The server-rendered preview shown under the form.</summary>
    public ILocator Preview => page.GetByRole(AriaRole.Region, new() { Name = "プレビュー（まだ保存されていません）" });

    public static async Task<ManualNewPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "新規作成" }).ClickAsync();
        var form = new ManualNewPage(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "マニュアルの作成", Level = 1 })).ToBeVisibleAsync();
        return form;
    }

    public async Task<ManualPage> SaveAsync()
    {
        var title = await TitleField.InputValueAsync();
        await SaveButton.ClickAsync();
        return await ManualPage.ShownAsync(page, title);
    }
}
