using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Approvals;

/// <summary>
/// 承認フロー in 法務 with two stages (a named 課長, then 管理者): a material change goes 承認待ち → sent back with a comment
/// → edited and requested again → approved at both stages → published, and a reader of 法務 sees the published revision
/// unchanged until the last approval.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ApprovalFlowTests(BrowserFixture browser)
{
    private const string Title = "反社会的勢力チェックの手順"; // 法務, no other browser test edits it
    private const string Department = "法務";
    private const string Password = "approval-initial-password";
    private const string Added = "確認の結果は取引先台帳に記録します。";
    private const string AddedAgain = "記録は契約終了から7年間保管します。";

    [Fact]
    public async Task MaterialChange_PendingSentBackApprovedTwice_IsPublished_AndReadersSeeTheLiveRevisionUntilThen()
    {
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await (await SignInPage.OpenAsync(admin)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await CreateUserAsync(admin, "shonin.writer", "法務 書き手", "編集者");
        await CreateUserAsync(admin, "shonin.chief", "法務 課長", "編集者");
        await CreateUserAsync(admin, "shonin.reader", "法務 閲覧者", "閲覧者");
        try
        {
            // The Admin: 法務 needs 法務 課長, then an Admin.
            var settings = await ApprovalSettingsPage.OpenAsync(admin, Department);
            await settings.Kind(1, "指名した人").CheckAsync();
            await settings.Person(1, "法務 課長").CheckAsync();
            await settings.Kind(2, "管理者").CheckAsync();
            await Screenshots.SaveAsync(admin, "approval-settings");
            await settings.SaveButton.ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("法務の承認フローを保存しました。");
            await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = Department })).ToContainTextAsync("第2段階: 管理者");
            await Screenshots.SaveAsync(admin, "approval-settings-list");

            // The reader of 法務 knows the live revision.
            await using var readerContext = await browser.NewContextAsync();
            var reader = await readerContext.NewPageAsync();
            await (await SignInPage.OpenAsync(reader)).SignInFirstTimeAsync("shonin.reader", Password, Password + "-own");
            await OpenManualAsync(reader);
            var live = await new ManualPage(reader).RevisionNumber.TextContentAsync();

            // The writer: a 重要な変更 becomes a request; the manual page says so to them.
            await using var writerContext = await browser.NewContextAsync();
            var writer = await writerContext.NewPageAsync();
            await (await SignInPage.OpenAsync(writer)).SignInFirstTimeAsync("shonin.writer", Password, Password + "-own");
            var manual = await OpenManualAsync(writer);
            var form = await manual.EditAsync();
            await form.AppendToBodyAsync(Added);
            await form.MaterialChange.CheckAsync();
            await form.ChangeNote.FillAsync("記録の手順を追加");
            await form.SaveButton.ClickAsync();
            var request = await ApprovalRequestPage.ShownAsync(writer, Title);
            await Expect(request.Flash).ToHaveTextAsync("承認を申請しました。承認されるまで、読む人には今の版が表示されます。");
            await Expect(writer.Locator(".manual__badges")).ToContainTextAsync("承認待ち（第1段階／全2段階）");
            await Screenshots.SaveAsync(writer, "approval-request-writer");

            await reader.ReloadAsync();
            await Expect(reader.GetByRole(AriaRole.Article)).Not.ToContainTextAsync(Added);
            await Expect(new ManualPage(reader).RevisionNumber).ToHaveTextAsync(live!);
            await Expect(reader.Locator(".approval-banner")).ToHaveCountAsync(0);

            // 法務 課長: the home page counts the request; the diff shows the added line; a send-back needs a comment.
            await using var chiefContext = await browser.NewContextAsync();
            var chief = await chiefContext.NewPageAsync();
            await (await SignInPage.OpenAsync(chief)).SignInFirstTimeAsync("shonin.chief", Password, Password + "-own");
            await chief.GotoAsync("/");
            await Expect(chief.Locator(".approval-home")).ToContainTextAsync("あなたの承認を待っている申請が 1 件あります。");
            await chief.GetByRole(AriaRole.Link, new() { Name = "承認を開く" }).First.ClickAsync();
            await Screenshots.SaveAsync(chief, "approval-list");
            await chief.GetByRole(AriaRole.Region, new() { Name = "あなたの承認を待っている申請" }).GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
            request = await ApprovalRequestPage.ShownAsync(chief, Title);
            await Expect(request.Diff.Locator(".diff__add").Filter(new() { HasText = Added })).ToBeVisibleAsync();
            await Expect(request.Stage(1)).ToContainTextAsync("法務 課長");
            await Expect(request.Stage(1)).ToContainTextAsync("承認待ち");
            await Screenshots.SaveAsync(chief, "approval-request-approver");
            await request.SendBackButton.ClickAsync();
            await Expect(request.Errors).ToContainTextAsync("差し戻すときは、コメントを入力してください。");
            await request.Comment.FillAsync("保管期間も書いてください。");
            await request.SendBackButton.ClickAsync();
            await Expect(request.Flash).ToHaveTextAsync("差し戻しました。申請者にコメントが表示されます。");
            await Expect(request.Stage(1)).ToContainTextAsync("差し戻し");
            await Screenshots.SaveAsync(chief, "approval-sent-back");

            // The writer sees the comment, edits the requested text and requests again.
            await OpenManualAsync(writer);
            await Expect(writer.Locator(".approval-banner")).ToContainTextAsync("差し戻されました");
            await writer.GetByRole(AriaRole.Link, new() { Name = "申請を見る" }).ClickAsync();
            request = await ApprovalRequestPage.ShownAsync(writer, Title);
            await Expect(request.SentBackNote).ToContainTextAsync("保管期間も書いてください。");
            await writer.GetByRole(AriaRole.Link, new() { Name = "編集して再申請する" }).ClickAsync();
            form = await ManualEditPage.ShownAsync(writer);
            await Expect(writer.Locator(".approval-form-notice")).ToContainTextAsync("保管期間も書いてください。");
            await Expect(form.Body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(Added));
            await Expect(form.MaterialChange).ToBeCheckedAsync();
            await Screenshots.SaveAsync(writer, "approval-edit-after-send-back");
            await form.AppendToBodyAsync(AddedAgain);
            await form.SaveButton.ClickAsync();
            await ApprovalRequestPage.ShownAsync(writer, Title);

            // 法務 課長 approves stage 1; readers still see the live revision.
            await chief.GotoAsync("/approvals");
            await chief.GetByRole(AriaRole.Region, new() { Name = "あなたの承認を待っている申請" }).GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
            request = await ApprovalRequestPage.ShownAsync(chief, Title);
            await Expect(request.Diff).ToContainTextAsync(AddedAgain);
            await request.ApproveButton.ClickAsync();
            await Expect(request.Flash).ToHaveTextAsync("承認しました。第2段階の承認を待っています。");
            await Expect(request.Stage(1)).ToContainTextAsync("承認済");
            await Expect(request.Stage(2)).ToContainTextAsync("承認待ち");
            await reader.ReloadAsync();
            await Expect(reader.GetByRole(AriaRole.Article)).Not.ToContainTextAsync(Added);
            await Expect(new ManualPage(reader).RevisionNumber).ToHaveTextAsync(live!);

            // The Admin approves stage 2: the requested text is published and readers see it.
            await admin.GotoAsync("/approvals");
            await admin.GetByRole(AriaRole.Region, new() { Name = "あなたの承認を待っている申請" }).GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
            request = await ApprovalRequestPage.ShownAsync(admin, Title);
            await request.ApproveButton.ClickAsync();
            await Expect(request.Flash).ToHaveTextAsync("承認しました。申請された内容が公開されました。");
            await Expect(admin.Locator(".manual__badges")).ToContainTextAsync("承認済");
            await Screenshots.SaveAsync(admin, "approval-approved");

            await reader.ReloadAsync();
            await Expect(reader.GetByRole(AriaRole.Article)).ToContainTextAsync(Added);
            await Expect(reader.GetByRole(AriaRole.Article)).ToContainTextAsync(AddedAgain);
            await Expect(new ManualPage(reader).RevisionNumber).Not.ToHaveTextAsync(live!);
            await Screenshots.SaveAsync(reader, "approval-published-reader");
        }
        finally
        {
            // Other browser tests share the server: 法務 goes back to publishing without approval.
            var settings = await ApprovalSettingsPage.OpenAsync(admin, Department);
            await settings.Kind(1, "使わない").CheckAsync();
            await settings.Kind(2, "使わない").CheckAsync();
            await settings.Kind(3, "使わない").CheckAsync();
            await settings.SaveButton.ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("法務の承認フローを保存しました。");
        }
    }

    private static async Task CreateUserAsync(IPage admin, string userName, string displayName, string role)
    {
        var user = await UserFormPage.OpenNewAsync(admin);
        await user.UserName.FillAsync(userName);
        await user.DisplayName.FillAsync(displayName);
        await user.InitialPassword.FillAsync(Password);
        await user.Role(role).CheckAsync();
        await user.Department(Department).CheckAsync();
        await user.SaveButton.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(userName);
    }

    private static async Task<ManualPage> OpenManualAsync(IPage page)
    {
        await page.GotoAsync("/manuals");
        await page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).First.ClickAsync();
        return await ManualPage.ShownAsync(page, Title);
    }
}
