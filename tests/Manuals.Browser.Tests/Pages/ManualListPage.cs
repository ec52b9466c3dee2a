using System.Text.RegularExpressions;

namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/manuals</c>: the department navigation beside a table of manuals.</summary>
public sealed class ManualListPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Departments => page.GetByRole(AriaRole.Navigation, new() { Name = "部署", Exact = true });

    public ILocator Manuals => page.GetByRole(AriaRole.Table);

    public static async Task<ManualListPage> ShownAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page).ToHaveURLAsync(new Regex(@"/manuals(\?.*)?$"));
        var list = new ManualListPage(page);
        await Expect(list.Departments).ToBeVisibleAsync();
        return list;
    }

    public async Task ShowDepartmentAsync(string name)
    {
        // The link's name also holds the number of manuals ("経理・財務 5"), so it is matched by its start.
        await Departments.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(name) + @"(\s|$)") }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync($"{name}のマニュアル");
    }

    public ILocator ManualLink(string title) => Manuals.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    public async Task<ManualPage> OpenManualAsync(string title)
    {
        await ManualLink(title).ClickAsync();
        return await ManualPage.ShownAsync(page, title);
    }
}
