using System.Text.RegularExpressions;

namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/handovers/{id}</c>: the checklist (rows with labelled boxes), progress, warnings, sign-offs and completion.</summary>
public sealed class HandoverPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Progress => page.GetByRole(AriaRole.Progressbar, new() { Name = "進み具合" });

    public ILocator Warnings => page.GetByRole(AriaRole.Note).Filter(new() { HasTextRegex = new Regex("確認が必要な点") });

    public ILocator Flash => page.GetByRole(AriaRole.Status);

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true });

    public ILocator Row(string task) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader).Filter(new() { HasText = task }) });

    /// <summary>A box of a row, labelled 「業務：単独で実施」.</summary>
    public ILocator Check(string task, string box) => page.GetByLabel($"{task}：{box}", new() { Exact = true });

    public ILocator Successor(string task) => page.GetByLabel($"{task}の後任者", new() { Exact = true });

    /// <summary>The task names of the checklist's rows, in order.</summary>
    public async Task<IReadOnlyList<string>> TaskNamesAsync() =>
        await page.Locator(".handover-items tbody th[scope=row] a").AllInnerTextsAsync();

    public static async Task<HandoverPage> ShownAsync(IPage page, string employee)
    {
        ArgumentNullException.ThrowIfNull(page);
        var handover = new HandoverPage(page);
        await Expect(handover.Heading).ToContainTextAsync($"{employee}さんの引継ぎ");
        return handover;
    }

    /// <summary>
    /// Signs the box of <paramref name="role"/> for <paramref name="person"/> (the box's heading names them): the user's own
    /// box, or on the person's behalf when the user is an Admin (or manages the handover and the person has no account).
    /// </summary>
    public async Task SignAsync(string role, string person)
    {
        var card = page.GetByRole(AriaRole.Group, new() { Name = $"{role} {person}" });
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("として署名する|代理で記録") }).ClickAsync();
        await Expect(Flash).ToHaveTextAsync("署名を記録しました。");
    }

    /// <summary>Signs every box still open to this user, one after the other (the page reloads after each).</summary>
    public async Task SignEveryOpenBoxAsync()
    {
        var buttons = page.Locator(".signoff form[action$='/sign'] button");
        for (var left = await buttons.CountAsync(); left > 0; left--)
        {
            await buttons.First.ClickAsync();
            await Expect(buttons).ToHaveCountAsync(left - 1);
        }
    }
}
