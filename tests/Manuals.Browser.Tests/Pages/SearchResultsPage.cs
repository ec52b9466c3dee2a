using System.Text.RegularExpressions;

namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/search?q=…</c>: the search form with its filters, the hit count and the results with marked snippets.</summary>
public sealed class SearchResultsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The hit count, e.g. 「12 件見つかりました（1〜12 件目）」.</summary>
    public ILocator Count => page.GetByRole(AriaRole.Status);

    public ILocator Results => page.GetByRole(AriaRole.Region, new() { Name = "検索結果" }).GetByRole(AriaRole.List).First;

    public ILocator Hits => Results.GetByRole(AriaRole.Listitem);

    /// <summary>「すべての語を含むマニュアルはありません。…」 when only some of the words are held.</summary>
    public ILocator PartialNotice => page.GetByRole(AriaRole.Note);

    /// <summary>The 「もしかして:」 correction, a link that runs the corrected search.</summary>
    public ILocator Correction => page.GetByText("もしかして:").GetByRole(AriaRole.Link);

    /// <summary>The business tasks whose names hold the words.</summary>
    public ILocator Tasks => page.GetByRole(AriaRole.Region, new() { Name = "該当する業務" });

    public ILocator SearchWords => page.GetByLabel("検索語", new() { Exact = true });

    public static async Task<SearchResultsPage> ShownAsync(IPage page, string query)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?"));
        var results = new SearchResultsPage(page);
        await Expect(results.Heading).ToHaveTextAsync($"「{query}」の検索結果");
        return results;
    }

    public ILocator Hit(string title) => Hits.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    /// <summary>The highlighted words in a result (its title and snippet).</summary>
    public static ILocator Marks(ILocator hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        // <mark> has no ARIA role that Playwright's role locators know, so it is found by its element name.
        return hit.Locator("mark");
    }

    public async Task<ManualPage> OpenAsync(string title)
    {
        await Hit(title).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        return await ManualPage.ShownAsync(page, title);
    }
}
