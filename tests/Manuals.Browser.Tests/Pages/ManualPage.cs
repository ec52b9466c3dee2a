using System.Text.RegularExpressions;

namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/manuals/{id}</c>: the rendered manual with its facts, 編集する and 改訂履歴.</summary>
public sealed class ManualPage(IPage page)
{
    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The one-off message after an action, e.g. 保存しました。</summary>
    public ILocator Flash => page.GetByRole(AriaRole.Status);

    public ILocator Article => page.GetByRole(AriaRole.Article);

    /// <summary>The 版 fact, e.g. 第2版.</summary>
    public ILocator RevisionNumber =>
        Article.GetByRole(AriaRole.Definition).Filter(new() { HasTextRegex = new Regex(@"^第\d+版$") });

    public ILocator EditLink => page.GetByRole(AriaRole.Link, new() { Name = "編集する", Exact = true });

    public ILocator HistoryLink => page.GetByRole(AriaRole.Link, new() { Name = "改訂履歴", Exact = true });

    public ILocator StepModeLink => page.GetByRole(AriaRole.Link, new() { Name = "ステップ表示", Exact = true });

    /// <summary>Shown only when JavaScript runs (print.js); without it the browser's own Print is used.</summary>
    public ILocator PrintButton => page.GetByRole(AriaRole.Button, new() { Name = "印刷", Exact = true });

    /// <summary>The list item (a step card, in the 手順 section) that contains <paramref name="text"/>.</summary>
    public ILocator Step(string text) => Article.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text }).First;

    public static async Task<ManualPage> ShownAsync(IPage page, string title)
    {
        var manual = new ManualPage(page);
        await Expect(manual.Title).ToHaveTextAsync(title);
        return manual;
    }

    public async Task<ManualEditPage> EditAsync()
    {
        await EditLink.ClickAsync();
        return await ManualEditPage.ShownAsync(page);
    }

    public async Task<StepModePage> OpenStepModeAsync()
    {
        var title = await Title.InnerTextAsync();
        await StepModeLink.ClickAsync();
        return await StepModePage.ShownAsync(page, title);
    }

    public async Task<HistoryPage> OpenHistoryAsync()
    {
        var title = await Title.InnerTextAsync();
        await HistoryLink.ClickAsync();
        return await HistoryPage.ShownAsync(page, title);
    }
}
