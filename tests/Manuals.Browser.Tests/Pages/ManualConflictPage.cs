namespace Manuals.Browser.Tests.Pages;

/// <summary>The page a save lands on when someone saved first: fields side by side, the merged body, この内容で保存する.</summary>
public sealed class ManualConflictPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Who saved first and when, and what the writer should do.</summary>
    public ILocator Summary => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "保存しました" });

    /// <summary>The field comparison: 項目, 編集を始めたとき, 先に保存された内容, あなたの編集, 保存する値.</summary>
    public ILocator FieldTable => page.GetByRole(AriaRole.Table, new() { Name = "項目ごとの比較と保存する値" });

    public ILocator TitleField => page.GetByLabel("タイトル", new() { Exact = true });

    public ILocator Visibility => page.GetByLabel("公開範囲", new() { Exact = true });

    public ILocator Body => page.GetByLabel("保存する本文（編集できます）");

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "この内容で保存する" });

    /// <summary>The comparison row of one field, found by its row header.</summary>
    public ILocator Row(string field) =>
        FieldTable.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = field }) });

    public static async Task<ManualConflictPage> ShownAsync(IPage page, string heading)
    {
        var conflict = new ManualConflictPage(page);
        await Expect(conflict.Heading).ToHaveTextAsync(heading);
        return conflict;
    }
}
