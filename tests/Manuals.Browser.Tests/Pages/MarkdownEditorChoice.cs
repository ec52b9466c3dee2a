namespace Manuals.Browser.Tests.Pages;

/// <summary>
/// The manual form opens in the step editor unless the writer chose Markdown before (a cookie the 「Markdownで編集」
/// switch sets). The pages that drive the Markdown editor make that choice first, as such a writer has.
/// </summary>
public static class MarkdownEditorChoice
{
    /// <summary>When the form shows the step editor, chooses Markdown and opens the same address again.</summary>
    public static async Task EnsureAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page.Locator("form.manual-form")).ToBeVisibleAsync();
        if (await page.Locator("[data-step-editor]").CountAsync() == 0)
        {
            return;
        }

        await page.Context.AddCookiesAsync([new Cookie { Name = "manuals.editor", Value = "markdown", Url = new Uri(page.Url).GetLeftPart(UriPartial.Authority) }]);
        await page.ReloadAsync();
        await Expect(page.Locator("textarea#Body")).ToBeVisibleAsync();
    }
}
