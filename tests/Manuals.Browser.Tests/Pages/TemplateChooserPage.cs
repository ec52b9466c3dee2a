namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/templates/choose</c>: one card per active template with its sections, plus 白紙から作成.</summary>
public sealed class TemplateChooserPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "テンプレートから作成", Level = 1 });

    /// <summary>The card of one template, named by its heading.</summary>
    public ILocator Card(string name) => page.GetByRole(AriaRole.Article, new() { Name = name, Exact = true });

    /// <summary>The link that opens the editor pre-filled with the template.</summary>
    public ILocator UseLink(string name) => Card(name).GetByRole(AriaRole.Link, new() { Name = $"「{name}」で作成する", Exact = true });

    /// <summary>The card's section preview; each item reads like "手順 必須".</summary>
    public ILocator Sections(string name) => Card(name).GetByRole(AriaRole.List, new() { Name = $"「{name}」のセクション" }).GetByRole(AriaRole.Listitem);

    public ILocator BlankLink => page.GetByRole(AriaRole.Link, new() { Name = "白紙から作成する", Exact = true });

    public static async Task<TemplateChooserPage> ShownAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var chooser = new TemplateChooserPage(page);
        await Expect(chooser.Heading).ToBeVisibleAsync();
        return chooser;
    }
}
