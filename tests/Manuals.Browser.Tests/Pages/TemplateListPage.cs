namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/templates</c>: every step template with its required sections; writers also get the create buttons.</summary>
public sealed class TemplateListPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "手順テンプレート", Level = 1 });

    public ILocator Templates => page.GetByRole(AriaRole.Table);

    public ILocator NewTemplateLink => page.GetByRole(AriaRole.Link, new() { Name = "テンプレートを作成", Exact = true });

    public ILocator ChooserLink => page.GetByRole(AriaRole.Link, new() { Name = "テンプレートからマニュアルを作成", Exact = true });

    /// <summary>Opens the list the way a writer finds it: 新規作成 → the chooser's 手順テンプレート link.</summary>
    public static async Task<TemplateListPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await MainMenu.OpenAsync(page, "新規作成", exact: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "手順テンプレート", Exact = true }).ClickAsync();
        var list = new TemplateListPage(page);
        await Expect(list.Heading).ToBeVisibleAsync();
        return list;
    }

    public async Task<TemplateFormPage> NewTemplateAsync()
    {
        await NewTemplateLink.ClickAsync();
        return await TemplateFormPage.ShownAsync(page, "テンプレートの作成");
    }

    public async Task<TemplateChooserPage> OpenChooserAsync()
    {
        await ChooserLink.ClickAsync();
        return await TemplateChooserPage.ShownAsync(page);
    }
}
