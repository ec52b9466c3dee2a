using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Reading;

/// <summary>
/// 必読: a manager makes a manual required reading for a new hire and writes its 理解度チェック; the hire finds it on the
/// home page, reads it, answers (one wrong, then right) and confirms; the manager sees 確認済 and the attempts; a 重要な変更
/// asks the hire again.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class RequiredReadingTests(BrowserFixture browser)
{
    private const string Title = "社会保険の資格取得手続き"; // 人事・労務, no other browser test uses it
    private const string HireName = "shinjin.reading";
    private const string HirePassword = "new-hire-password-1";
    private const string ManagerName = "shunin.reading";
    private const string ManagerPassword = "manager-password-1";

    [Fact]
    public async Task RequiredReading_AssignedToANewHire_ConfirmedSeenByTheManager_AndAskedAgainAfterAMaterialChange()
    {
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await (await SignInPage.OpenAsync(admin)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var user = await UserFormPage.OpenNewAsync(admin);
        await user.UserName.FillAsync(HireName);
        await user.DisplayName.FillAsync("新人 太郎");
        await user.InitialPassword.FillAsync(HirePassword);
        await user.Role("閲覧者").CheckAsync();
        await user.Department("人事・労務").CheckAsync();
        await user.SaveButton.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(HireName);
        var editor = await UserFormPage.OpenNewAsync(admin);
        await editor.UserName.FillAsync(ManagerName);
        await editor.DisplayName.FillAsync("主任 花子");
        await editor.InitialPassword.FillAsync(ManagerPassword);
        await editor.Role("編集者").CheckAsync();
        await editor.Department("人事・労務").CheckAsync();
        await editor.SaveButton.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(ManagerName);

        // The manager is an Editor of the department, not an Admin.
        await using var managerContext = await browser.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await (await SignInPage.OpenAsync(manager)).SignInFirstTimeAsync(ManagerName, ManagerPassword, ManagerPassword + "-own");

        // The manager: 必読の状況 → 新人 太郎, 3 business days.
        await manager.GotoAsync("/manuals");
        await manager.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "必読の状況" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"必読の状況：{Title}");
        await manager.GetByRole(AriaRole.Checkbox, new() { Name = "新人 太郎", Exact = true }).CheckAsync();
        await manager.GetByLabel("期限（営業日）").FillAsync("3");
        await manager.GetByRole(AriaRole.Button, new() { Name = "必読に指定する" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("必読に指定しました。");
        var hireRow = manager.GetByRole(AriaRole.Region, new() { Name = "確認状況" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "新人 太郎" });
        await Expect(hireRow).ToContainTextAsync("未読");

        // Two check questions: the hire confirms only with both right.
        await manager.GetByRole(AriaRole.Link, new() { Name = "理解度チェックを作る" }).ClickAsync();
        await WriteQuestionAsync(manager, 1, "資格取得届の提出期限は？", ["入社日から5日以内", "入社日から30日以内"], correct: 0);
        await WriteQuestionAsync(manager, 2, "届け出る先は？", ["税務署", "年金事務所", "市区町村"], correct: 1);
        await Screenshots.SaveAsync(manager, "check-questions-editor");
        await manager.GetByRole(AriaRole.Button, new() { Name = "理解度チェックを保存" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("理解度チェックを保存しました。");
        await Expect(manager.GetByText("理解度チェック：2問")).ToBeVisibleAsync();

        // The new hire: the home page lists it; the manual says when it is due; 読みました.
        await using var hireContext = await browser.NewContextAsync();
        var hire = await hireContext.NewPageAsync();
        await (await SignInPage.OpenAsync(hire)).SignInFirstTimeAsync(HireName, HirePassword, HirePassword + "-own");
        await hire.GotoAsync("/");
        // The bell says something arrived; the notification leads to the manual too.
        await Expect(hire.GetByRole(AriaRole.Link, new() { Name = "通知（未読 1 件）" })).ToBeVisibleAsync();
        var mine = hire.GetByRole(AriaRole.Region, new() { Name = "あなたの必読マニュアル" });
        await Expect(mine).ToContainTextAsync("未読");
        await Screenshots.SaveAsync(hire, "home-required-reading");
        await mine.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var panel = hire.GetByRole(AriaRole.Region, new() { Name = "必読マニュアル", Exact = true });
        await Expect(panel).ToContainTextAsync("期限");
        await Screenshots.SaveAsync(hire, "manual-required-reading");
        // After the manual, where the reader finishes: the check questions; one wrong answer is named, not corrected.
        var confirm = hire.GetByRole(AriaRole.Region, new() { Name = "読み終えたら" });
        var answer = confirm.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^答えて「読みました」にする") });
        await confirm.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^問1") }).GetByLabel("入社日から5日以内").CheckAsync();
        await confirm.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^問2") }).GetByLabel("税務署").CheckAsync();
        await answer.ClickAsync();
        await Expect(confirm.GetByRole(AriaRole.Alert)).ToContainTextAsync("問2 の答えが正しくありません。");
        await Expect(confirm.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^問1") }).GetByLabel("入社日から5日以内")).ToBeCheckedAsync();
        await Screenshots.SaveAsync(hire, "check-questions-wrong");
        await confirm.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^問2") }).GetByLabel("年金事務所").CheckAsync();
        await confirm.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^答えて「読みました」にする") }).ClickAsync();
        await Expect(hire.GetByRole(AriaRole.Status)).ToHaveTextAsync("「読みました」を記録しました。");
        await Expect(panel).ToContainTextAsync("確認済みです");
        await Expect(confirm).ToBeHiddenAsync();

        // The manager sees 確認済; then saves a 重要な変更.
        await manager.ReloadAsync();
        await Expect(hireRow).ToContainTextAsync("確認済");
        await Expect(hireRow).ToContainTextAsync("全問正解（2回目）");
        await Screenshots.SaveAsync(manager, "required-reading-status");
        await manager.GotoAsync("/manuals");
        await manager.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        var form = await new ManualPage(manager).EditAsync();
        await form.AppendToBodyAsync("- 2027年4月からは電子申請のみで届け出ます。");
        await form.MaterialChange.CheckAsync();
        await form.SaveAsync("届出方法の変更");

        // The new hire is asked again.
        await hire.GotoAsync("/");
        await Expect(mine).ToContainTextAsync("改訂版を未確認");
        await mine.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(panel).ToContainTextAsync("重要な変更がありました");
        await Expect(answer).ToBeVisibleAsync();

        // Printed, the manual is the manual: neither the panel nor the button is on paper.
        await hire.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(panel).ToBeHiddenAsync();
        await Expect(confirm).ToBeHiddenAsync();
    }

    private static async Task WriteQuestionAsync(IPage page, int number, string text, string[] choices, int correct)
    {
        var slot = page.GetByRole(AriaRole.Group, new() { Name = $"問{number}", Exact = true });
        await slot.GetByLabel("問題文").FillAsync(text);
        for (var i = 0; i < choices.Length; i++)
        {
            await slot.GetByLabel($"問{number}の選択肢{i + 1}").FillAsync(choices[i]);
        }

        await slot.GetByRole(AriaRole.Radio, new() { Name = $"正解 選択肢{correct + 1}", Exact = true }).CheckAsync();
    }
}
