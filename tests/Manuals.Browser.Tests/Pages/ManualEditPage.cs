namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/manuals/{id}/edit</c>: the manual form with 保存する and プレビュー.</summary>
public sealed class ManualEditPage(IPage page)
{
    // The label reads "タイトル 必須", so the title field is found by the start of its label.
    public ILocator TitleField => page.GetByLabel("タイトル");

    public ILocator Visibility => page.GetByLabel("公開範囲", new() { Exact = true });

    public ILocator Body => page.GetByLabel("本文（Markdown）", new() { Exact = true });

    public ILocator ChangeNote => page.GetByLabel("変更内容のメモ", new() { Exact = true });

    /// <summary>重要な変更: those who must read the manual are asked to confirm the new revision.</summary>
    public ILocator MaterialChange => page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^重要な変更") });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true });

    public ILocator PreviewButton => page.GetByRole(AriaRole.Button, new() { Name = "プレビュー", Exact = true });

    public static async Task<ManualEditPage> ShownAsync(IPage page)
    {
        var form = new ManualEditPage(page);
        await MarkdownEditorChoice.EnsureAsync(page);
        await Expect(form.Body).ToBeEditableAsync();
        return form;
    }

    /// <summary>Adds a paragraph (or list item) at the end of the Markdown body, after a blank line.</summary>
    public async Task AppendToBodyAsync(string markdown)
    {
        var body = await Body.InputValueAsync();
        await Body.FillAsync(body.TrimEnd() + "\n\n" + markdown + "\n");
    }

    public async Task<ManualPage> SaveAsync(string changeNote)
    {
        var title = await TitleField.InputValueAsync();
        await ChangeNote.FillAsync(changeNote);
        await SaveButton.ClickAsync();
        return await ManualPage.ShownAsync(page, title);
    }
}
