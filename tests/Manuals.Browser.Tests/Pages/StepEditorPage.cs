namespace Manuals.Browser.Tests.Pages;

/// <summary>
/// The manual form in the step editor (かんたん編集), as writers see it by default: the sections as labelled blocks,
/// the steps of 手順 as cards.
/// </summary>
public sealed class StepEditorPage(IPage page)
{
    public ILocator TitleField => page.GetByLabel("タイトル");

    public ILocator Department => page.GetByLabel("部署");

    public ILocator Status => page.GetByLabel("状態", new() { Exact = true });

    public ILocator SaveButton => page.Locator("form .actions").GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true });

    public ILocator Toolbar => page.GetByRole(AriaRole.Toolbar, new() { Name = "本文の書式" });

    public ILocator ToolbarButton(string name) => Toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The block of one section, named by its heading (「目的」, 「手順」 …).</summary>
    public ILocator Block(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The text field of a section without steps.</summary>
    public ILocator SectionText(string name) => Block(name).GetByRole(AriaRole.Textbox, new() { Name = name, Exact = true });

    public ILocator Cards => page.Locator("[data-step-card]");

    /// <summary>Card <paramref name="number"/> (1-based) as it is numbered now.</summary>
    public ILocator Card(int number) => page.GetByRole(AriaRole.Group, new() { Name = $"手順 {number}", Exact = true });

    public ILocator CardTitle(int number) => Card(number).GetByLabel("見出し", new() { Exact = true });

    public ILocator CardText(int number) => Card(number).GetByLabel("内容", new() { Exact = true });

    public ILocator CardButton(int number, string name) => Card(number).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The handle card <paramref name="number"/> is dragged by.</summary>
    public ILocator CardHandle(int number) => Cards.Nth(number - 1).Locator(".step-card__handle");

    public ILocator AddStepButton => page.GetByRole(AriaRole.Button, new() { Name = "＋ 手順を追加", Exact = true });

    /// <summary>What the editor announces (moves, deletions, uploads).</summary>
    public ILocator Announcement => page.Locator("[data-step-editor] [data-editor-status]");

    public ILocator SwitchToMarkdown => page.GetByRole(AriaRole.Button, new() { Name = "Markdownで編集", Exact = true });

    /// <summary>新規作成 → the template chooser → 「<paramref name="template"/>」で作成する, in the step editor with its script running.</summary>
    public static async Task<StepEditorPage> OpenNewAsync(IPage page, string template)
    {
        ArgumentNullException.ThrowIfNull(page);
        await MainMenu.OpenAsync(page, "新規作成");
        await page.GetByRole(AriaRole.Link, new() { Name = $"「{template}」で作成する", Exact = true }).ClickAsync();
        return await ReadyAsync(page);
    }

    /// <summary>The step editor on the current page, once its script has added the toolbar and the formatted text fields.</summary>
    public static async Task<StepEditorPage> ReadyAsync(IPage page)
    {
        var editor = new StepEditorPage(page);
        await Expect(editor.Toolbar).ToBeVisibleAsync();
        await Expect(page.Locator("[data-step-editor]")).ToHaveAttributeAsync("data-formatted", "true");
        return editor;
    }
}
