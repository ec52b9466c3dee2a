using System.Globalization;

namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/coverage</c>: risk totals, the chart per department (with its data table), the tasks at risk and the heatmaps.</summary>
public sealed class CoverageDashboardPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "業務カバレッジ", Level = 1 });

    /// <summary>The chart's text alternative: a table of departments × risks.</summary>
    public ILocator ChartData => page.GetByRole(AriaRole.Table, new() { Name = "部署別・リスク別の業務数" });

    public ILocator AtRisk => page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^危険・要注意の業務") });

    public static async Task<CoverageDashboardPage> ShownAsync(IPage page)
    {
        var dashboard = new CoverageDashboardPage(page);
        await Expect(dashboard.Heading).ToBeVisibleAsync();
        return dashboard;
    }

    /// <summary>The number of tasks of a department at each risk, read from the chart's data table: 危険, 要注意, 注意, 良好, 合計.</summary>
    public async Task<int[]> CountsAsync(string department)
    {
        var row = ChartData.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = department, Exact = true }) });
        var cells = await row.GetByRole(AriaRole.Cell).AllInnerTextsAsync();
        return cells.Select(c => int.Parse(c.Trim(), CultureInfo.InvariantCulture)).ToArray();
    }

    public ILocator AtRiskTask(string task) => AtRisk.GetByRole(AriaRole.Listitem).Filter(new() { HasText = task });
}
