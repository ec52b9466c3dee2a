using System.Text.RegularExpressions;

namespace Manuals.Browser.Tests.Pages;

/// <summary>
/// <c>/coverage/matrix?department=</c>: tasks down, people across; each cell a select labelled 「氏名 — 業務」, edited with
/// the keyboard, with the task's risk at the end of its row and a status line that announces each save.
/// </summary>
public sealed class SkillMatrixPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Matrix => page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^星取表") });

    /// <summary>The polite live region that says what was saved.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public static async Task<SkillMatrixPage> OpenAsync(IPage page, string department)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/coverage/matrix");
        var matrix = new SkillMatrixPage(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "部署", Exact = true }).GetByRole(AriaRole.Link, new() { Name = department, Exact = true }).ClickAsync();
        await Expect(matrix.Heading).ToHaveTextAsync($"星取表 — {department}");
        return matrix;
    }

    public ILocator Cell(string employee, string task) => page.GetByLabel($"{employee} — {task}", new() { Exact = true });

    /// <summary>「マニュアル確認済」 in the cell: the person read one of the task's manuals (beside level 0 or 1 only).</summary>
    public ILocator ManualHint(string employee, string task) =>
        Matrix.GetByRole(AriaRole.Cell).Filter(new() { Has = Cell(employee, task) }).GetByText("マニュアル確認済", new() { Exact = true });

    /// <summary>The task's row; its last cell holds the risk badge and the number of capable people.</summary>
    public ILocator Row(string task) => Matrix.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = task }) });

    public ILocator Risk(string task) => Row(task).GetByRole(AriaRole.Cell).Last;
}
