namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/manuals/{id}/history</c>: one table row per revision (版, 日時, 更新者, 変更内容のメモ).</summary>
public sealed class HistoryPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Revisions => page.GetByRole(AriaRole.Table);

    public static async Task<HistoryPage> ShownAsync(IPage page, string manualTitle)
    {
        var history = new HistoryPage(page);
        await Expect(history.Heading).ToHaveTextAsync($"「{manualTitle}」の改訂履歴");
        return history;
    }

    /// <summary>The row of revision <paramref name="number"/>, found by its link 第N版.</summary>
    public ILocator Revision(int number) =>
        Revisions.GetByRole(AriaRole.Row).Filter(new()
        {
            Has = page.GetByRole(AriaRole.Link, new() { Name = $"第{number}版", Exact = true }),
        });

    public static ILocator Cell(ILocator row, string text) =>
        row.GetByRole(AriaRole.Cell, new() { Name = text, Exact = true });
}
