namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/admin/search</c>: the search index's coverage and the rebuild button (confirmed in a dialog).</summary>
public sealed class SearchIndexAdminPage(IPage page)
{
    public const string Url = "/admin/search";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "検索インデックス", Level = 1 });

    public ILocator RebuildButton => page.GetByRole(AriaRole.Button, new() { Name = "検索インデックスを再構築する", Exact = true });

    /// <summary>The one-off message after starting a rebuild.</summary>
    public ILocator Flash => page.GetByRole(AriaRole.Status).First;

    public static async Task<SearchIndexAdminPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Url);
        var admin = new SearchIndexAdminPage(page);
        await Expect(admin.Heading).ToBeVisibleAsync();
        return admin;
    }

    /// <summary>Clicks the button and answers the confirmation dialog; returns the dialog's question.</summary>
    public async Task<string> RebuildAsync(bool accept)
    {
        var question = "";
        void OnDialog(object? sender, IDialog dialog)
        {
            question = dialog.Message;
            _ = accept ? dialog.AcceptAsync() : dialog.DismissAsync();
        }

        page.Dialog += OnDialog;
        try
        {
            await RebuildButton.ClickAsync();
        }
        finally
        {
            page.Dialog -= OnDialog;
        }

        return question;
    }
}
