using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class ManualEditingTests(BrowserFixture browser)
{
    private const string SampleTitle = "月次決算の手順";
    private const string SampleDepartment = "経理・財務";

    [Fact]
    public async Task EditSampleManual_AsAdmin_ShowsNewRevisionInHistory()
    {
        const string addedStep = "最終確認として残高試算表を部長に回付します。";
        const string changeNote = "最終確認の手順を追加しました";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = await SignInPage.OpenAsync(page);
        var list = await signIn.SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await list.ShowDepartmentAsync(SampleDepartment);
        var manual = await list.OpenManualAsync(SampleTitle);
        await Expect(manual.RevisionNumber).ToHaveTextAsync("第1版");

        var form = await manual.EditAsync();
        await form.AppendToBodyAsync($"10. {addedStep}");
        manual = await form.SaveAsync(changeNote);

        await Expect(manual.Flash).ToHaveTextAsync("保存しました。");
        await Expect(manual.Article.GetByText(addedStep, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(manual.RevisionNumber).ToHaveTextAsync("第2版");
        await Screenshots.SaveAsync(page, "manual-after-save");

        var history = await manual.OpenHistoryAsync();
        var latest = history.Revision(2);
        await Expect(latest).ToBeVisibleAsync();
        await Expect(HistoryPage.Cell(latest, "管理者")).ToBeVisibleAsync();
        await Expect(HistoryPage.Cell(latest, changeNote)).ToBeVisibleAsync();
        await Expect(history.Revision(1)).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "manual-history");
    }
}
