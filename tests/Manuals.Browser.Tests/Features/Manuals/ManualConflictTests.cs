using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

/// <summary>Two people edit one manual at once: the second save shows both changes and undoes nothing unseen.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ManualConflictTests(BrowserFixture browser)
{
    private const string Manual = "社内報の発行手順";
    private const string EditorName = "takahashi.conflict";
    private const string EditorPassword = "takahashi-conflict-password";

    [Fact]
    public async Task TwoUsersEditOneManual_SecondSave_ShowsBothChangesAndKeepsFirstVisibility()
    {
        const string newTitle = "社内報の発行手順（広報部内）";
        const string addition = "校了前に、掲載される社員本人にも内容を確認してもらいます。";
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await (await SignInPage.OpenAsync(admin)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await AddEditorAsync(admin);
        await using var editorContext = await browser.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        var editorList = await (await SignInPage.OpenAsync(editor)).SignInFirstTimeAsync(EditorName, EditorPassword, EditorPassword + "-own");
        var editorForm = await (await editorList.OpenManualAsync(Manual)).EditAsync();
        await Expect(editorForm.Visibility).ToHaveValueAsync("Company");

        // The admin saves first: 部署限定 and a new title.
        await admin.GotoAsync(editor.Url);
        var adminForm = await ManualEditPage.ShownAsync(admin);
        await adminForm.Visibility.SelectOptionAsync(new SelectOptionValue { Label = "部署限定" });
        await adminForm.TitleField.FillAsync(newTitle);
        await adminForm.SaveAsync("広報部内に限定");

        // The editor, who changed only the body, saves second.
        await editorForm.AppendToBodyAsync(addition);
        await editorForm.ChangeNote.FillAsync("本人確認を追記");
        await editorForm.SaveButton.ClickAsync();

        var conflict = await ManualConflictPage.ShownAsync(editor, "ほかの人が先に保存しました");
        await Expect(conflict.Summary).ToContainTextAsync("管理者さんが");
        await Expect(conflict.Summary).ToContainTextAsync("あなたの変更はまだ保存されていません。");
        await Expect(conflict.Row("公開範囲")).ToContainTextAsync("全社公開");
        await Expect(conflict.Row("公開範囲")).ToContainTextAsync("部署限定");
        await Expect(conflict.Row("公開範囲")).ToContainTextAsync("先に保存された変更を引き継ぎます");
        await Expect(conflict.Row("タイトル")).ToContainTextAsync(newTitle);
        await Expect(conflict.Visibility).ToHaveValueAsync("Department");
        await Expect(conflict.TitleField).ToHaveValueAsync(newTitle);
        await Expect(conflict.Body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(addition));
        await Screenshots.SaveAsync(editor, "manual-conflict-fields");

        await conflict.SaveButton.ClickAsync();

        var saved = await ManualPage.ShownAsync(editor, newTitle);
        await Expect(saved.Article).ToContainTextAsync(addition);
        await Expect(saved.Article).ToContainTextAsync("部署限定");
        var again = await saved.EditAsync();
        await Expect(again.Visibility).ToHaveValueAsync("Department");
    }

    /// <summary>The admin adds an Editor of 広報 through the user pages and stays signed in.</summary>
    private static async Task AddEditorAsync(IPage admin)
    {
        var user = await UserFormPage.OpenNewAsync(admin);
        await user.UserName.FillAsync(EditorName);
        await user.DisplayName.FillAsync("高橋 美咲");
        await user.InitialPassword.FillAsync(EditorPassword);
        await user.Role("編集者").CheckAsync();
        await user.Department("広報").CheckAsync();
        await user.SaveButton.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync($"ユーザー「{EditorName}」を追加しました。");
    }
}
