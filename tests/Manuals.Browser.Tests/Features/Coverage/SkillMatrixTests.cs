using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Coverage;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class SkillMatrixTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChangeCellWithKeyboard_TaskRiskAndDashboardFollow()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await page.GotoAsync("/coverage");
        var dashboard = await CoverageDashboardPage.ShownAsync(page);
        var before = await dashboard.CountsAsync("法務");
        await Expect(dashboard.AtRiskTask("商業登記の変更申請")).ToContainTextAsync("危険: 内田 智子さんしかできず、使えるマニュアルがありません。");

        var matrix = await SkillMatrixPage.OpenAsync(page, "法務");
        await Expect(matrix.Risk("商業登記の変更申請")).ToContainTextAsync("危険");
        await matrix.Cell("内田 智子", "商業登記の変更申請").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(matrix.Cell("柴田 雅人", "商業登記の変更申請")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("2");
        await Expect(matrix.Status).ToHaveTextAsync("柴田 雅人 × 商業登記の変更申請: 2（一人でできる）・担当なしに変更しました。業務のリスクは「要注意」です。");
        await page.Keyboard.PressAsync("b");

        await Expect(matrix.Status).ToHaveTextAsync("柴田 雅人 × 商業登記の変更申請: 2（一人でできる）・副担当に変更しました。業務のリスクは「要注意」です。");
        await Expect(matrix.Risk("商業登記の変更申請")).ToContainTextAsync("要注意");
        await Expect(matrix.Risk("商業登記の変更申請")).ToContainTextAsync("2人");
        await Expect(matrix.Cell("柴田 雅人", "商業登記の変更申請")).ToHaveValueAsync("2B");
        await Screenshots.SaveAsync(page, "coverage-matrix");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "業務カバレッジ" }).GetByRole(AriaRole.Link, new() { Name = "ダッシュボード" }).ClickAsync();
        dashboard = await CoverageDashboardPage.ShownAsync(page);
        await Expect(dashboard.AtRiskTask("商業登記の変更申請")).ToContainTextAsync("要注意: 2人ができますが、重要度「高」の業務なのに使えるマニュアルがありません。");
        var after = await dashboard.CountsAsync("法務");
        Assert.Equal([before[0] - 1, before[1] + 1, before[2], before[3], before[4]], after);
        await Screenshots.SaveAsync(page, "coverage-dashboard");

        // The change was saved, not only shown: a fresh load of the matrix has it.
        matrix = await SkillMatrixPage.OpenAsync(page, "法務");
        await Expect(matrix.Cell("柴田 雅人", "商業登記の変更申請")).ToHaveValueAsync("2B");
    }
}
