namespace Manuals.Browser.Tests.Pages;

/// <summary>The site header's main menu; on a phone it is folded behind the メニュー button, which is opened first.</summary>
public static class MainMenu
{
    public static ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" });

    public static ILocator MenuButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "メニュー", Exact = true });

    /// <summary>Follows the menu's link named <paramref name="name"/>, opening the folded menu when the page shows one.</summary>
    public static async Task OpenAsync(IPage page, string name, bool exact = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var link = Navigation(page).GetByRole(AriaRole.Link, new() { Name = name, Exact = exact });
        if (!await link.IsVisibleAsync() && await MenuButton(page).IsVisibleAsync())
        {
            await MenuButton(page).ClickAsync();
        }

        await link.ClickAsync();
    }
}
