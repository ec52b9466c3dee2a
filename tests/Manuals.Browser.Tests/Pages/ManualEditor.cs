namespace Manuals.Browser.Tests.Pages;

/// <summary>
/// The editor part of the manual form (<c>/manuals/new</c> and <c>/manuals/{id}/edit</c>) once its script runs: the
/// toolbar, the live preview, the unsaved-draft banner and the status line.
/// </summary>
public sealed class ManualEditor(IPage page)
{
    public ILocator TitleField => page.GetByLabel("タイトル");

    public ILocator Body => page.GetByLabel("本文（Markdown）", new() { Exact = true });

    public ILocator ChangeNote => page.GetByLabel("変更内容のメモ", new() { Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true });

    public ILocator Toolbar => page.GetByRole(AriaRole.Toolbar, new() { Name = "本文の書式" });

    /// <summary>The live preview beside (or below) the textarea; the server-rendered one is named differently.</summary>
    public ILocator LivePreview => page.GetByRole(AriaRole.Region, new() { Name = "プレビュー", Exact = true });

    /// <summary>What the editor reports: uploads, errors, a restored draft.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator DraftBanner => page.GetByRole(AriaRole.Region).Filter(new() { HasText = "保存されていない下書きがあります" });

    public ILocator RestoreButton => DraftBanner.GetByRole(AriaRole.Button, new() { Name = "復元する", Exact = true });

    public ILocator DiscardButton => DraftBanner.GetByRole(AriaRole.Button, new() { Name = "破棄する", Exact = true });

    public ILocator ToolbarButton(string name) => Toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The editor with its script running (the toolbar is hidden without it).</summary>
    public static async Task<ManualEditor> ReadyAsync(IPage page)
    {
        var editor = new ManualEditor(page);
        await MarkdownEditorChoice.EnsureAsync(page);
        await Expect(editor.Toolbar).ToBeVisibleAsync();
        await Expect(editor.Body).ToBeEditableAsync();
        return editor;
    }

    /// <summary>Focuses the body with the caret after its last character.</summary>
    public async Task CaretToEndAsync()
    {
        await Body.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
    }

    /// <summary>Waits until the autosaved draft in localStorage holds <paramref name="text"/>.</summary>
    public async Task WaitForKeptDraftAsync(string text) =>
        await page.WaitForFunctionAsync(
            "text => Object.keys(localStorage).some(k => k.startsWith('manuals.draft.') && (localStorage.getItem(k) ?? '').includes(text))",
            text);

    /// <summary>How many autosaved drafts this browser context keeps.</summary>
    public async Task<int> KeptDraftCountAsync() =>
        await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('manuals.draft.')).length");
}
