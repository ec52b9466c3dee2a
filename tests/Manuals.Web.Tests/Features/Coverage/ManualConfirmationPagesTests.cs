using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>
/// The manuals people have read, in coverage: per task on an employee's page, and 「マニュアル確認済」 beside level 0 or 1 in
/// the matrix — only at the revision that counts, never at level 2 or 3, never a level change, and never about a manual
/// the viewer may not read.
/// </summary>
public sealed class ManualConfirmationPagesTests(ManualConfirmationPagesTests.Fixture fixture) : IClassFixture<ManualConfirmationPagesTests.Fixture>
{
    private const long PublicRelations = 6; // 広報
    private const long Legal = 4; // 法務
    private const string Hint = "マニュアル確認済";
    private const string ReadTitle = "確認テスト：プレスリリース配信の手順";
    private const string ChangedTitle = "確認テスト：取材対応の手順";
    private const string HiddenTitle = "確認テスト：法務だけの契約書ひな形";
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 7, 9, 30, 0, TimeSpan.FromHours(9));
    private static readonly Author Writer = new(null, "広報 太郎");

    private readonly ManualsAppFactory _factory = fixture.App;
    private readonly Data _data = fixture.Data;

    /// <summary>The app, with a 広報 new hire who read three manuals (one of them 法務's 部署限定), seeded once for the class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public ManualsAppFactory App { get; } = new();

        internal Data Data { get; private set; } = null!;

        public async Task InitializeAsync() => Data = await SeedAsync(App);

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static async Task<Data> SeedAsync(ManualsAppFactory factory)
    {
        var services = factory.Services;
        var manuals = services.GetRequiredService<IManualStore>();
        var tasks = services.GetRequiredService<IBusinessTaskStore>();
        var employees = services.GetRequiredService<IEmployeeStore>();
        var matrix = services.GetRequiredService<ISkillMatrixStore>();
        var reading = services.GetRequiredService<IRequiredReadingStore>();
        var ct = CancellationToken.None;

        var read = await manuals.CreateAsync(Draft(ReadTitle, PublicRelations, ManualVisibility.Company), Writer, null, ReadAt.AddDays(-1), ct);
        var changed = await manuals.CreateAsync(Draft(ChangedTitle, PublicRelations, ManualVisibility.Company), Writer, null, ReadAt.AddDays(-1), ct);
        var hidden = await manuals.CreateAsync(Draft(HiddenTitle, Legal, ManualVisibility.Department), Writer, null, ReadAt.AddDays(-1), ct);
        var newsletter = await CreateTaskAsync(tasks, "確認テスト：社内報の発行", read);
        var interviews = await CreateTaskAsync(tasks, "確認テスト：取材対応", changed);
        var contracts = await CreateTaskAsync(tasks, "確認テスト：契約書の確認依頼", hidden);
        var press = await CreateTaskAsync(tasks, "確認テスト：プレスリリース配信", read);
        var userId = await factory.CreateUserAsync("hint.newhire", Roles.Reader, "広報");
        var newHire = (await employees.CreateAsync(Person("確認 新人", userId), ReadAt.AddDays(-30), ct))!.Value;
        var noAccount = (await employees.CreateAsync(Person("確認 無所属", null), ReadAt.AddDays(-30), ct))!.Value;
        Assert.Empty(await matrix.ApplyAsync(
            [
                Cell(newHire, newsletter, SkillLevel.WithGuidance),
                Cell(newHire, interviews, SkillLevel.WithGuidance),
                Cell(newHire, press, SkillLevel.Independent),
            ],
            Writer,
            ReadAt.AddDays(-2),
            ct));

        // Read all three; then 取材対応の手順 gets a 重要な変更 the new hire has not read yet.
        foreach (var manual in new[] { read, changed, hidden })
        {
            await reading.ConfirmAsync(manual, userId, 1, ReadAt, ct);
        }

        Assert.True(await manuals.TryUpdateAsync(
            changed, 1, Draft(ChangedTitle, PublicRelations, ManualVisibility.Company) with { MaterialChange = true }, Writer, ReadAt.AddDays(1), ct));
        await factory.CreateUserAsync("hint.editor", Roles.Editor, "広報");
        await factory.CreateUserAsync("hint.reader", Roles.Reader, "広報");
        return new Data(read, changed, hidden, newsletter, interviews, contracts, press, newHire, noAccount);
    }

    [Fact]
    public async Task Matrix_LevelOneWithAManualReadAtTheCurrentRevision_ShowsTheMarkBesideTheUnchangedLevel()
    {
        var editor = await WebSession.SignInAsync(_factory, "hint.editor", ManualsAppFactory.UserPassword);

        var (response, page) = await editor.GetAsync($"/coverage/matrix?department={PublicRelations}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cell = CellOf(page, _data.NewHire, _data.Newsletter);
        var mark = cell.QuerySelector(".matrix__hint")!;
        Assert.Equal(Hint, mark.TextContent.Trim());
        Assert.Contains("習熟度は変わりません", mark.GetAttribute("title"), StringComparison.Ordinal);
        var select = (IHtmlSelectElement)cell.QuerySelector("select")!;
        Assert.Equal(mark.Id, select.GetAttribute("aria-describedby"));
        Assert.Equal(("1N", "1N"), (select.Value, select.GetAttribute("data-value")));
        Assert.Contains("level-cell--1", cell.ClassName, StringComparison.Ordinal);
        var original = page.QuerySelector("input[name=Original]")!.GetAttribute("value")!;
        Assert.Contains($"{_data.NewHire}-{_data.Newsletter}=1N", original.Split(';'));
        Assert.Contains(Hint, page.QuerySelector(".legend")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matrix_MaterialChangeNotReadLevelTwoNoAccountOrAManualTheViewerCannotRead_NoMark()
    {
        var editor = await WebSession.SignInAsync(_factory, "hint.editor", ManualsAppFactory.UserPassword);

        var (_, page) = await editor.GetAsync($"/coverage/matrix?department={PublicRelations}");

        Assert.Null(CellOf(page, _data.NewHire, _data.Interviews).QuerySelector(".matrix__hint"));
        Assert.Null(CellOf(page, _data.NewHire, _data.Press).QuerySelector(".matrix__hint"));
        Assert.Null(CellOf(page, _data.NoAccount, _data.Newsletter).QuerySelector(".matrix__hint"));
        // The 法務 manual is 部署限定: a 広報 editor learns nothing about it, not even that it was read.
        Assert.Null(CellOf(page, _data.NewHire, _data.Contracts).QuerySelector(".matrix__hint"));
        Assert.DoesNotContain(HiddenTitle, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("td .matrix__hint"));
    }

    [Fact]
    public async Task Matrix_AdminWhoMayReadTheRestrictedManual_SeesItsMark_AndAReaderSeesTheMarkReadOnly()
    {
        var admin = await WebSession.SignInAsync(_factory, "admin", ManualsAppFactory.AdminPassword);
        var reader = await WebSession.SignInAsync(_factory, "hint.reader", ManualsAppFactory.UserPassword);

        var (_, asAdmin) = await admin.GetAsync($"/coverage/matrix?department={PublicRelations}");
        var (_, asReader) = await reader.GetAsync($"/coverage/matrix?department={PublicRelations}");

        Assert.Equal(Hint, CellOf(asAdmin, _data.NewHire, _data.Contracts).QuerySelector(".matrix__hint")!.TextContent.Trim());
        var cell = CellOf(asReader, _data.NewHire, _data.Newsletter);
        Assert.Null(cell.QuerySelector("select"));
        Assert.Equal("1", cell.QuerySelector(".matrix__value")!.TextContent.Trim());
        Assert.Equal(Hint, cell.QuerySelector(".matrix__hint")!.TextContent.Trim());
    }

    [Fact]
    public async Task Matrix_SavedAsRenderedWithTheMarks_ChangesNothing()
    {
        var editor = await WebSession.SignInAsync(_factory, "hint.editor", ManualsAppFactory.UserPassword);

        var saved = await editor.SubmitAsync($"/coverage/matrix?department={PublicRelations}", "form.matrix-form", []);
        var (_, page) = await editor.GetAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("変更はありませんでした。", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SkillLevel.WithGuidance, (await CoverageWeb.CellAsync(_factory, _data.NewHire, _data.Newsletter)).Level);
    }

    [Fact]
    public async Task EmployeePage_ManualsPerTask_ReadWithDate_NewRevisionNotRead_AndTheMarkOnlyBesideLevelOne()
    {
        var editor = await WebSession.SignInAsync(_factory, "hint.editor", ManualsAppFactory.UserPassword);

        var (response, page) = await editor.GetAsync($"/employees/{_data.NewHire}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = page.QuerySelector("#task-manuals-heading")!.ParentElement!;
        Assert.Equal("業務マニュアルの確認状況", section.QuerySelector("h2")!.TextContent.Trim());
        var newsletter = RowOf(section, _data.Newsletter);
        var link = newsletter.QuerySelector($"a[href='/manuals/{_data.Read}']")!;
        Assert.Equal(ReadTitle, link.TextContent.Trim());
        Assert.Equal("確認済", newsletter.QuerySelector(".reading-mark--confirmed")!.TextContent.Trim());
        Assert.Equal("2026/12/07", newsletter.QuerySelector("time")!.TextContent.Trim());
        Assert.Equal(Hint, newsletter.QuerySelector(".manual-hint")!.TextContent.Trim());
        var interviews = RowOf(section, _data.Interviews);
        Assert.Equal("改訂版を未確認", interviews.QuerySelector(".reading-mark--stale")!.TextContent.Trim());
        Assert.Contains("第1版を2026/12/07に確認", interviews.TextContent, StringComparison.Ordinal);
        Assert.Null(interviews.QuerySelector(".manual-hint"));
        var press = RowOf(section, _data.Press);
        Assert.NotNull(press.QuerySelector(".reading-mark--confirmed"));
        Assert.Null(press.QuerySelector(".manual-hint"));
        // The 法務 manual: neither its title, nor its link, nor its task's row.
        Assert.DoesNotContain(HiddenTitle, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/manuals/{_data.Hidden}']"));
        Assert.Null(section.QuerySelector($"tr[data-task='{_data.Contracts}']"));
    }

    [Fact]
    public async Task EmployeePage_AdminSeesTheRestrictedManual_AndSomeoneWithoutAnAccountHasNoRecord()
    {
        var admin = await WebSession.SignInAsync(_factory, "admin", ManualsAppFactory.AdminPassword);

        var (_, newHire) = await admin.GetAsync($"/employees/{_data.NewHire}");
        var (_, noAccount) = await admin.GetAsync($"/employees/{_data.NoAccount}");

        var contracts = RowOf(newHire.QuerySelector("#task-manuals-heading")!.ParentElement!, _data.Contracts);
        Assert.Equal(HiddenTitle, contracts.QuerySelector($"a[href='/manuals/{_data.Hidden}']")!.TextContent.Trim());
        Assert.Equal(Hint, contracts.QuerySelector(".manual-hint")!.TextContent.Trim());
        var section = noAccount.QuerySelector("#task-manuals-heading")!.ParentElement!;
        Assert.Contains("ユーザーアカウントに紐付いていないため", section.TextContent, StringComparison.Ordinal);
        Assert.Null(section.QuerySelector("table"));
    }

    [Fact]
    public async Task EmployeePage_AnUnreadManualOfATaskWithALevel_ListedAsNotRead()
    {
        var editor = await WebSession.SignInAsync(_factory, "hint.editor", ManualsAppFactory.UserPassword);
        var tasks = _factory.Services.GetRequiredService<IBusinessTaskStore>();
        var manuals = _factory.Services.GetRequiredService<IManualStore>();
        var unread = await manuals.CreateAsync(Draft("確認テスト：広報誌の校正", PublicRelations, ManualVisibility.Company), Writer, null, ReadAt, CancellationToken.None);
        var proofreading = await CreateTaskAsync(tasks, "確認テスト：広報誌の校正", unread);
        Assert.Empty(await _factory.Services.GetRequiredService<ISkillMatrixStore>().ApplyAsync(
            [Cell(_data.NewHire, proofreading, SkillLevel.WithGuidance)], Writer, ReadAt, CancellationToken.None));

        var (_, page) = await editor.GetAsync($"/employees/{_data.NewHire}");
        var (_, matrix) = await editor.GetAsync($"/coverage/matrix?department={PublicRelations}");

        var row = RowOf(page.QuerySelector("#task-manuals-heading")!.ParentElement!, proofreading);
        Assert.Equal("未確認", row.QuerySelector(".reading-mark--none")!.TextContent.Trim());
        Assert.Null(row.QuerySelector(".manual-hint"));
        Assert.Null(CellOf(matrix, _data.NewHire, proofreading).QuerySelector(".matrix__hint"));
    }

    private static IElement CellOf(IHtmlDocument page, long employeeId, long taskId) =>
        page.QuerySelector($"select[name='Cells[{employeeId}-{taskId}]']")?.Closest("td")
        ?? page.QuerySelectorAll("tr").Single(r => r.QuerySelector($"th a[href='/tasks/{taskId}']") is not null)
            .QuerySelectorAll("td.matrix__cell")[ColumnOf(page, employeeId)];

    private static int ColumnOf(IHtmlDocument page, long employeeId) =>
        page.QuerySelectorAll("thead th.matrix__person").Select((th, i) => (th, i)).Single(x => x.th.QuerySelector($"a[href='/employees/{employeeId}']") is not null).i;

    private static IElement RowOf(IElement section, long taskId) =>
        section.QuerySelector($"tr[data-task='{taskId}']") ?? throw new InvalidOperationException($"No row for task {taskId}");

    private static ManualDraft Draft(string title, long departmentId, ManualVisibility visibility) =>
        new(title, departmentId, visibility, ManualStatus.Published, null, [], "## 手順\n1. 画面を開きます。\n", "作成");

    private static async Task<long> CreateTaskAsync(IBusinessTaskStore tasks, string name, long manualId) =>
        (await tasks.CreateAsync(
            new BusinessTask
            {
                DepartmentId = PublicRelations,
                Name = name,
                Frequency = TaskFrequency.Monthly,
                Criticality = TaskCriticality.Medium,
                ManualIds = [manualId],
            },
            ReadAt.AddDays(-30),
            CancellationToken.None))!.Value;

    private static Employee Person(string name, long? userId) => new()
    {
        Name = name,
        DepartmentId = PublicRelations,
        Status = EmployeeStatus.Active,
        UserId = userId,
    };

    private static SkillCellEdit Cell(long employeeId, long taskId, SkillLevel level) =>
        new(employeeId, taskId, SkillLevel.None, AssignmentRole.None, level, AssignmentRole.None);

    internal sealed record Data(
        long Read, long Changed, long Hidden, long Newsletter, long Interviews, long Contracts, long Press, long NewHire, long NoAccount);
}
