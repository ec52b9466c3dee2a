using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Browser.Tests.Features.Coverage;

/// <summary>
/// 「マニュアル確認済」 in the skill matrix: a person at level 1 who read the task's manual has the mark under the level,
/// announced with the cell; raising them to 2 with the keyboard hides it and lowering them again brings it back.
/// Its own app, so the person it adds to 法務 changes no other test's matrix.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ManualHintTests(BrowserFixture browser) : IAsyncLifetime, IAsyncDisposable
{
    private const string Person = "確認 花子";
    private const string Task = "契約書のリーガルチェック";
    private const string Manual = "契約書のリーガルチェック依頼の手順"; // the task's manual in the samples
    private const string UnreadTask = "反社会的勢力チェック"; // its manual is not read

    private ManualsAppFactory? _app = new();

    private ManualsAppFactory App => _app ?? throw new InvalidOperationException("Disposed.");

    public async Task InitializeAsync()
    {
        App.StartServer();
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var ct = CancellationToken.None;
        var now = DateTimeOffset.UtcNow;
        var admin = (await services.GetRequiredService<IAccountDirectory>().ListAsync(ct)).Single(u => u.UserName == ManualsAppFactory.AdminUserName);
        var tasks = await services.GetRequiredService<IBusinessTaskStore>().ListAsync(null, ct);
        var task = tasks.Single(t => t.Name == Task);
        var unread = tasks.Single(t => t.Name == UnreadTask);
        var manual = (await services.GetRequiredService<IManualStore>().FindAsync(task.ManualIds.Single(), ct))!;
        var person = new Employee { Name = Person, DepartmentId = task.DepartmentId, Status = EmployeeStatus.Active, UserId = admin.Id };
        var employeeId = (await services.GetRequiredService<IEmployeeStore>().CreateAsync(person, now, ct))!.Value;
        Assert.Empty(await services.GetRequiredService<ISkillMatrixStore>().ApplyAsync(
            [
                new SkillCellEdit(employeeId, task.Id, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.None),
                new SkillCellEdit(employeeId, unread.Id, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.None),
            ],
            new Author(null, "テスト"),
            now,
            ct));
        await services.GetRequiredService<IRequiredReadingStore>().ConfirmAsync(manual.Id, admin.Id, manual.RevisionNumber, now, ct);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    [Fact]
    public async Task Matrix_LevelOneAndTheManualRead_MarkUnderTheLevel_HiddenAtTwoBackAtOne()
    {
        await using var context = await browser.NewContextAsync(App);
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);

        var matrix = await SkillMatrixPage.OpenAsync(page, "法務");
        var cell = matrix.Cell(Person, Task);
        await Expect(cell).ToHaveValueAsync("1N");
        await Expect(matrix.ManualHint(Person, Task)).ToBeVisibleAsync();
        await Expect(cell).ToHaveAccessibleDescriptionAsync("マニュアル確認済");
        await Expect(matrix.ManualHint("内田 智子", Task)).ToHaveCountAsync(0);
        await Expect(matrix.ManualHint(Person, UnreadTask)).ToHaveCountAsync(0);
        await cell.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAreaAsync(page, "coverage-matrix-manual-hint", matrix.Heading, matrix.Matrix);

        await cell.FocusAsync();
        await page.Keyboard.PressAsync("2");
        await Expect(matrix.Status).ToContainTextAsync($"{Person} × {Task}: 2（一人でできる）");
        await Expect(matrix.ManualHint(Person, Task)).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("1");
        await Expect(matrix.Status).ToContainTextAsync($"{Person} × {Task}: 1（指導があればできる）");
        await Expect(matrix.ManualHint(Person, Task)).ToBeVisibleAsync();
        await Expect(cell).ToHaveValueAsync("1N");

        // The person's page lists the task's manual as read, with the day.
        await matrix.Matrix.GetByRole(AriaRole.Link, new() { Name = Person, Exact = true }).ClickAsync();
        var manuals = page.GetByRole(AriaRole.Region, new() { Name = "業務マニュアルの確認状況" });
        var row = manuals.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Task, Exact = true }) });
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = Manual, Exact = true })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("確認済");
        await Expect(row).ToContainTextAsync("マニュアル確認済");
        var unreadRow = manuals.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = UnreadTask, Exact = true }) });
        await Expect(unreadRow).ToContainTextAsync("未確認");
        await Expect(unreadRow).Not.ToContainTextAsync("マニュアル確認済");
        await Screenshots.SaveAreaAsync(page, "coverage-employee-manuals", page.GetByRole(AriaRole.Heading, new() { Level = 1 }), manuals);
    }
}
