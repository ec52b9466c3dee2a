namespace Manuals.Browser.Tests.Pages;

/// <summary>The search box in every signed-in page's header.</summary>
public sealed class HeaderSearch(IPage page)
{
    public ILocator Box => page.GetByRole(AriaRole.Banner).GetByLabel("マニュアルを検索", new() { Exact = true });

    /// <summary>The suggestions under the box (a listbox the box controls as a combobox).</summary>
    public ILocator Suggestions => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Listbox, new() { Name = "検索の候補" });

    public ILocator Suggestion(string text) => Suggestions.GetByRole(AriaRole.Option).Filter(new() { HasText = text });

    /// <summary>Types key by key, as a person would, so the box sees input events and asks for suggestions.</summary>
    public async Task TypeAsync(string text)
    {
        await Box.ClickAsync();
        await Box.PressSequentiallyAsync(text);
        await Expect(Suggestions).ToBeVisibleAsync();
    }

    public async Task<SearchResultsPage> SearchAsync(string query)
    {
        await Box.FillAsync(query);
        await Box.PressAsync("Enter");
        return await SearchResultsPage.ShownAsync(page, query);
    }
}
