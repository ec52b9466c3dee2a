namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/manuals/new</c>: the same form as editing, empty, with a department choice.</summary>
public sealed class ManualNewPage(IPage page)
{
    public ILocator TitleField => page.GetByLabel("タイトル");

    public ILocator Department => page.GetByLabel("部署");

    public ILocator Status => page.GetByLabel("状態", new() { Exact = true });

    public ILocator Tags => page.GetByLabel("タグ", new() { Exact = true });

    public ILocator Body => page.GetByLabel("本文（Markdown）", new() { Exact = true });

    public ILocator PreviewButton => page.GetByRole(AriaRole.Button, new() { Name = "プレビュー", Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true });

    /// <summary>The server-rendered preview shown under the form.</summary>
    public ILocator Preview => page.GetByRole(AriaRole.Region, new() { Name = "プレビュー（まだ保存されていません）" });

    /// <summary>新規作成 → the template chooser → 白紙から作成する (or the named template's 「…」で作成する).</summary>
    public static async Task<ManualNewPage> OpenAsync(IPage page, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await MainMenu.OpenAsync(page, "新規作成");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "テンプレートから作成", Level = 1 })).ToBeVisibleAsync();
        var choice = template is null ? "白紙から作成する" : $"「{template}」で作成する";
        await page.GetByRole(AriaRole.Link, new() { Name = choice, Exact = true }).ClickAsync();
        var form = new ManualNewPage(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "マニュアルの作成", Level = 1 })).ToBeVisibleAsync();
        await MarkdownEditorChoice.EnsureAsync(page);
        return form;
    }

    /// <summary>The form's list of problems after a refused save.</summary>
    public ILocator Errors => page.Locator(".form-errors");

    /// <summary>The completeness checklist against the template.</summary>
    public ILocator Completeness => page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^記入状況") });

    public async Task<ManualPage> SaveAsync()
    {
        var title = await TitleField.InputValueAsync();
        await SaveButton.ClickAsync();
        return await ManualPage.ShownAsync(page, title);
    }
}
