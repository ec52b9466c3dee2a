namespace Manuals.Browser.Tests.Pages;

/// <summary>The search box in every signed-in page's header.</summary>
public sealed class HeaderSearch(IPage page)
{
    public ILocator Box => page.GetByRole(AriaRole.Banner).GetByLabel("マニュアルを検索", new() { Exact = true });

    public async Task<SearchResultsPage> SearchAsync(string query)
    {
        await Box.FillAsync(query);
        await Box.PressAsync("Enter");
        return await SearchResultsPage.ShownAsync(page, query);
    }
}
