namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/admin/approvals/{department}</c>: a department's approval route, stage by stage.</summary>
public sealed class ApprovalSettingsPage(IPage page)
{
    public ILocator Stage(int number) => page.GetByRole(AriaRole.Group, new() { Name = $"第{number}段階", Exact = true });

    public ILocator Kind(int stage, string label) => Stage(stage).GetByRole(AriaRole.Radio, new() { Name = label, Exact = true });

    public ILocator Person(int stage, string displayName) =>
        Stage(stage).GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + displayName) });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true });

    public static async Task<ApprovalSettingsPage> OpenAsync(IPage page, string department)
    {
        await page.GotoAsync("/admin/approvals");
        await page.GetByRole(AriaRole.Link, new() { Name = $"{department}の承認を設定する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{department}の承認フロー");
        return new ApprovalSettingsPage(page);
    }
}
