namespace Manuals.Browser.Tests.Pages;

/// <summary>
/// The admin tabs about search words: 「探されたが見つからなかった手順」 (<c>/admin/missed-searches</c>) and 「同義語」
/// (<c>/admin/synonyms</c>), reached through the admin tab bar.
/// </summary>
public sealed class SearchWordsAdminPages(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Tabs => page.GetByRole(AriaRole.Navigation, new() { Name = "管理", Exact = true });

    public ILocator Flash => page.GetByRole(AriaRole.Status).First;

    public ILocator MissedRow(string query) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = query, Exact = true }) });

    public ILocator NewSynonymWords => page.GetByLabel("言葉（「、」またはカンマで区切って 2 つ以上）", new() { Exact = true });

    public async Task OpenTabAsync(string name)
    {
        await Tabs.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync(name);
    }

    /// <summary>Clicks a button that asks first, accepts the question and returns it.</summary>
    public async Task<string> ClickConfirmedAsync(ILocator button)
    {
        ArgumentNullException.ThrowIfNull(button);
        var question = "";
        void OnDialog(object? sender, IDialog dialog)
        {
            question = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        page.Dialog += OnDialog;
        try
        {
            await button.ClickAsync();
        }
        finally
        {
            page.Dialog -= OnDialog;
        }

        return question;
    }
}
