namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/templates/new</c> and <c>/templates/{id}/edit</c>: name, description, skeleton and the required-section checkboxes.</summary>
public sealed class TemplateFormPage(IPage page)
{
    public ILocator Name => page.GetByLabel("テンプレート名");

    public ILocator Description => page.GetByLabel("説明", new() { Exact = true });

    public ILocator Skeleton => page.GetByLabel("ひな形（Markdown）");

    public ILocator RereadHeadingsButton => page.GetByRole(AriaRole.Button, new() { Name = "見出しを読み直す", Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true });

    /// <summary>The checkbox that makes the section of that heading required.</summary>
    public ILocator Required(string heading) =>
        page.GetByRole(AriaRole.Group, new() { Name = "必須セクション" }).GetByRole(AriaRole.Checkbox, new() { Name = heading, Exact = true });

    public static async Task<TemplateFormPage> ShownAsync(IPage page, string heading)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        return new TemplateFormPage(page);
    }

    /// <summary>Saves and waits for the template's own page.</summary>
    public async Task SaveAsync()
    {
        var name = await Name.InputValueAsync();
        await SaveButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }
}
