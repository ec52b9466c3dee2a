using System.Globalization;
using System.Net;
using System.Text.Json;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>Everyone signed in sees coverage; Editors change their own departments' tasks, employees and matrix; Admins all.</summary>
public sealed class CoveragePermissionTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Theory]
    [InlineData("/coverage")]
    [InlineData("/tasks")]
    [InlineData("/tasks?department=3&risk=Critical")]
    [InlineData("/employees")]
    [InlineData("/coverage/matrix?department=3")]
    [InlineData("/coverage/matrix/history?department=3")]
    [InlineData("/coverage/what-if")]
    [InlineData("/coverage/export/matrix.csv")]
    public async Task Pages_Reader_CanView(string url)
    {
        var reader = await ReaderAsync();

        var (response, _) = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/coverage")]
    [InlineData("/tasks")]
    [InlineData("/coverage/matrix")]
    public async Task Pages_Anonymous_RedirectedToSignIn(string url)
    {
        var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matrix_Reader_SeesValuesWithoutSelectsAndCannotPost()
    {
        var reader = await ReaderAsync();
        var task = await TaskAsync(factory, "備品・消耗品の発注");
        var employee = await EmployeeAsync(factory, "和田 奈々");
        var before = await CellAsync(factory, employee.Id, task.Id);

        var (_, page) = await reader.GetAsync("/coverage/matrix?department=3");
        var response = await PostCellAsync(reader, "/coverage/matrix?department=3", employee.Id, task.Id, "2P", "0N");

        Assert.Empty(page.QuerySelectorAll("select[data-cell]"));
        Assert.NotEmpty(page.QuerySelectorAll(".matrix__value"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("この部署の星取表を変更する権限がありません。", json.RootElement.GetProperty("message").GetString());
        Assert.Equal(before, await CellAsync(factory, employee.Id, task.Id));
    }

    [Fact]
    public async Task MatrixCell_EditorOwnDepartment_SavedWithRiskAndHistory_OtherDepartment403()
    {
        await factory.CreateUserAsync("editor.somu.matrix", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "editor.somu.matrix", ManualsAppFactory.UserPassword);
        var own = await TaskAsync(factory, "名刺の発注");
        var ueda = await EmployeeAsync(factory, "上田 陽介");
        var current = MatrixCode(await CellAsync(factory, ueda.Id, own.Id));
        var accounting = await TaskAsync(factory, "入金消込");
        var okada = await EmployeeAsync(factory, "岡田 健太");

        var saved = await PostCellAsync(editor, "/coverage/matrix?department=3", ueda.Id, own.Id, current, "3P");
        var refused = await PostCellAsync(editor, "/coverage/matrix?department=3", okada.Id, accounting.Id, MatrixCode(await CellAsync(factory, okada.Id, accounting.Id)), "0N");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        Assert.Equal("3P", json.RootElement.GetProperty("cell").GetString());
        Assert.Equal(own.Id, json.RootElement.GetProperty("task").GetProperty("id").GetInt64());
        Assert.Contains("上田 陽介 × 名刺の発注: 3（人に教えられる）・主担当に変更しました。", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(new SkillCell(ueda.Id, own.Id, SkillLevel.CanTeach, AssignmentRole.Primary), await CellAsync(factory, ueda.Id, own.Id));
        var (_, history) = await editor.GetAsync($"/tasks/{own.Id}");
        Assert.Contains("editor.somu.matrix さん", history.QuerySelector(".history-table tbody tr")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(SkillLevel.None, (await CellAsync(factory, okada.Id, accounting.Id)).Level);
    }

    [Fact]
    public async Task MatrixCell_StaleFromValue_409WithCurrentValueAndNothingWritten()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var task = await TaskAsync(factory, "社用車の管理と予約");
        var ishida = await EmployeeAsync(factory, "石田 剛");
        var current = await CellAsync(factory, ishida.Id, task.Id);
        var changes = await ChangeCountAsync(factory);

        var response = await PostCellAsync(admin, "/coverage/matrix?department=3", ishida.Id, task.Id, "1B", "3P");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(MatrixCode(current), json.RootElement.GetProperty("cell").GetString());
        Assert.Contains("他の人が先に変更していました", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(current, await CellAsync(factory, ishida.Id, task.Id));
        Assert.Equal(changes, await ChangeCountAsync(factory));
    }

    [Theory]
    [InlineData("9P")]
    [InlineData("2X")]
    [InlineData("")]
    public async Task MatrixCell_BadValue_400(string to)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var task = await TaskAsync(factory, "社用車の管理と予約");
        var ishida = await EmployeeAsync(factory, "石田 剛");

        var response = await PostCellAsync(admin, "/coverage/matrix?department=3", ishida.Id, task.Id, "0N", to);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MatrixForm_WithoutJavaScript_SavesChangedCellsAndRecordsThem()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var task = await TaskAsync(factory, "ストレスチェックの実施");
        var miura = await EmployeeAsync(factory, "三浦 悠斗");
        var key = string.Create(CultureInfo.InvariantCulture, $"Cells[{miura.Id}-{task.Id}]");
        var changes = await ChangeCountAsync(factory);

        var response = await admin.SubmitAsync("/coverage/matrix?department=2", "form[data-matrix-form]", new() { [key] = "2B" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new SkillCell(miura.Id, task.Id, SkillLevel.Independent, AssignmentRole.Backup), await CellAsync(factory, miura.Id, task.Id));
        Assert.Equal(changes + 1, await ChangeCountAsync(factory));
        var (_, page) = await admin.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("1件の変更を保存しました。", page.QuerySelector(".flash")!.TextContent.Trim());
        var (_, history) = await admin.GetAsync("/coverage/matrix/history?department=2");
        var latest = history.QuerySelector(".history-table tbody tr")!.TextContent;
        Assert.Contains("管理者", latest, StringComparison.Ordinal);
        Assert.Contains("三浦 悠斗", latest, StringComparison.Ordinal);
        Assert.Contains("ストレスチェックの実施", latest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatrixForm_CellChangedMeanwhile_409KeepsChoicesAndSavesNothing()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var task = await TaskAsync(factory, "コンプライアンス研修の実施");
        var yokoyama = await EmployeeAsync(factory, "横山 結衣");
        var miyazaki = await EmployeeAsync(factory, "宮崎 俊介");
        var (_, page) = await admin.GetAsync("/coverage/matrix?department=4");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[data-matrix-form]")!;
        var fields = WebSession.FormFields(form);
        // Someone else changes 横山's cell after the page was shown.
        var now = MatrixCode(await CellAsync(factory, yokoyama.Id, task.Id));
        Assert.Equal(HttpStatusCode.OK, (await PostCellAsync(admin, "/coverage/matrix?department=4", yokoyama.Id, task.Id, now, "3P")).StatusCode);
        var changes = await ChangeCountAsync(factory);
        fields[string.Create(CultureInfo.InvariantCulture, $"Cells[{yokoyama.Id}-{task.Id}]")] = "1N";
        fields[string.Create(CultureInfo.InvariantCulture, $"Cells[{miyazaki.Id}-{task.Id}]")] = "3B";

        var response = await admin.PostAsync("/coverage/matrix?department=4", fields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("他の人が先に変更していたため、何も保存していません", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        var kept = (AngleSharp.Html.Dom.IHtmlSelectElement)document.QuerySelector($"select[data-employee='{miyazaki.Id}'][data-task='{task.Id}']")!;
        Assert.Equal("3B", kept.Value);
        Assert.Equal(changes, await ChangeCountAsync(factory));
        Assert.Equal(new SkillCell(yokoyama.Id, task.Id, SkillLevel.CanTeach, AssignmentRole.Primary), await CellAsync(factory, yokoyama.Id, task.Id));
    }

    [Fact]
    public async Task Tasks_EditorOtherDepartment_CannotEditOrCreate_OwnDepartmentCan()
    {
        await factory.CreateUserAsync("editor.houmu", Roles.Editor, "法務");
        var editor = await WebSession.SignInAsync(factory, "editor.houmu", ManualsAppFactory.UserPassword);
        var accounting = await TaskAsync(factory, "入金消込");
        var token = await editor.TokenFromAsync("/tasks/new?department=4");

        var (editPage, _) = await editor.GetAsync($"/tasks/{accounting.Id}/edit");
        var update = await editor.PostAsync($"/tasks/{accounting.Id}/edit", TaskForm(token, 1, "入金消込（乗っ取り）"));
        var createElsewhere = await editor.PostAsync("/tasks/new", TaskForm(token, 1, "他部署への追加"));
        var createOwn = await editor.SubmitAsync("/tasks/new?department=4", "form.card", new() { ["Name"] = "英文契約のレビュー", ["Frequency"] = "AsNeeded", ["Criticality"] = "High" });

        Assert.Equal(HttpStatusCode.Forbidden, editPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, createElsewhere.StatusCode);
        Assert.Equal("入金消込", (await TaskAsync(factory, "入金消込")).Name);
        Assert.Equal(HttpStatusCode.Redirect, createOwn.StatusCode);
        var created = await TaskAsync(factory, "英文契約のレビュー");
        Assert.Equal((4L, TaskFrequency.AsNeeded, TaskCriticality.High), (created.DepartmentId, created.Frequency, created.Criticality));
    }

    [Fact]
    public async Task TaskAndEmployeeEdit_InvalidFormFromReaderOrOtherDepartment_403BeforeTheInputIsJudged()
    {
        var reader = await ReaderAsync();
        await factory.CreateUserAsync("editor.keiri.invalid", Roles.Editor, "経理・財務");
        var editor = await WebSession.SignInAsync(factory, "editor.keiri.invalid", ManualsAppFactory.UserPassword);
        var task = await TaskAsync(factory, "備品・消耗品の発注");
        var employee = await EmployeeAsync(factory, "竹内 久美子");

        var answers = new List<HttpStatusCode>();
        foreach (var session in new[] { reader, editor })
        {
            var token = await session.TokenFromAsync("/coverage");
            // No name: a form the department's Editors would get back with a message (400).
            var invalid = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "" };
            answers.Add((await session.PostAsync($"/tasks/{task.Id}/edit", invalid)).StatusCode);
            answers.Add((await session.PostAsync($"/employees/{employee.Id}/edit", invalid)).StatusCode);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Forbidden, status));
    }

    [Fact]
    public async Task Tasks_Reader_CannotCreate()
    {
        var reader = await ReaderAsync();

        var (page, _) = await reader.GetAsync("/tasks/new");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task Task_DuplicateName_400WithMessageAndTextKept()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.SubmitAsync("/tasks/new?department=1", "form.card", new() { ["Name"] = "入金消込", ["Timing"] = "毎月10日" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("この部署には同じ名前の業務がすでにあります。", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("毎月10日", ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("#Timing")!).Value);
    }

    [Fact]
    public async Task Employee_LeavingWithoutDate_400WithMessage()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.SubmitAsync("/employees/new?department=3", "form.card", new() { ["Name"] = "日付 なし子", ["Status"] = "LeavingScheduled" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("異動・退職の日付を入力してください。", (await WebSession.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employee_EditorMovesPersonToOtherDepartment_Forbidden()
    {
        await factory.CreateUserAsync("editor.kouhou", Roles.Editor, "広報");
        var editor = await WebSession.SignInAsync(factory, "editor.kouhou", ManualsAppFactory.UserPassword);
        var murata = await EmployeeAsync(factory, "村田 光");

        var response = await editor.SubmitAsync($"/employees/{murata.Id}/edit", "form.card", new() { ["DepartmentId"] = "1" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(6, (await EmployeeAsync(factory, "村田 光")).DepartmentId);
    }

    [Fact]
    public async Task LinkFromManualSide_EditorOfTaskDepartment_LinksAndListsTask()
    {
        await factory.CreateUserAsync("editor.jimu", Roles.Editor, "一般事務");
        var editor = await WebSession.SignInAsync(factory, "editor.jimu", ManualsAppFactory.UserPassword);
        var manualId = await ManualIdAsync("電話・来客対応の手順");
        var task = await TaskAsync(factory, "返品・クレームの受付");

        var response = await editor.SubmitAsync($"/tasks?manual={manualId}", "form.link-form", new() { ["taskId"] = task.Id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(manualId, (await TaskAsync(factory, "返品・クレームの受付")).ManualIds);
        var (_, page) = await editor.GetAsync($"/tasks?manual={manualId}");
        Assert.Contains("返品・クレームの受付", page.QuerySelector(".coverage-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkManual_ReaderOrUnreadableManual_Forbidden()
    {
        await factory.CreateUserAsync("editor.jinji.link", Roles.Editor, "人事・労務");
        var hr = await WebSession.SignInAsync(factory, "editor.jinji.link", ManualsAppFactory.UserPassword);
        var reader = await ReaderAsync();
        var task = await TaskAsync(factory, "ストレスチェックの実施");
        var restricted = await ManualIdAsync("反社会的勢力チェックの手順");
        var open = await ManualIdAsync("入社手続きチェックリスト");
        var token = await hr.TokenFromAsync($"/tasks/{task.Id}");
        var readerToken = await reader.TokenFromAsync("/tasks");

        var unreadable = await hr.PostAsync($"/tasks/{task.Id}/manuals", Form(token, ("manualId", restricted)));
        var byReader = await reader.PostAsync($"/tasks/{task.Id}/manuals", Form(readerToken, ("manualId", open)));

        Assert.Equal(HttpStatusCode.Forbidden, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Empty((await TaskAsync(factory, "ストレスチェックの実施")).ManualIds);
    }

    private async Task<WebSession> ReaderAsync()
    {
        var name = "reader." + Guid.NewGuid().ToString("N")[..8];
        await factory.CreateUserAsync(name, Roles.Reader, "総務");
        return await WebSession.SignInAsync(factory, name, ManualsAppFactory.UserPassword);
    }

    private async Task<long> ManualIdAsync(string title)
    {
        var manuals = factory.Services.GetRequiredService<IManualStore>();
        return (await manuals.ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;
    }

    private static async Task<HttpResponseMessage> PostCellAsync(WebSession session, string page, long employeeId, long taskId, string from, string to)
    {
        var token = await session.TokenFromAsync(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/coverage/matrix/cell", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["EmployeeId"] = employeeId.ToString(CultureInfo.InvariantCulture),
                ["TaskId"] = taskId.ToString(CultureInfo.InvariantCulture),
                ["From"] = from,
                ["To"] = to,
            }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await session.Client.SendAsync(request);
    }

    private static string MatrixCode(SkillCell cell) =>
        $"{(int)cell.Level}{cell.Role switch { AssignmentRole.Primary => "P", AssignmentRole.Backup => "B", _ => "N" }}";

    private static Dictionary<string, string> TaskForm(string token, long department, string name) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["DepartmentId"] = department.ToString(CultureInfo.InvariantCulture),
        ["Name"] = name,
        ["Frequency"] = "Monthly",
        ["Criticality"] = "Medium",
    };

    private static Dictionary<string, string> Form(string token, params (string Key, long Value)[] values)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        foreach (var (key, value) in values)
        {
            form[key] = value.ToString(CultureInfo.InvariantCulture);
        }

        return form;
    }
}
