using System.Net;
using System.Text;
using System.Text.Json;
using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>
/// People's data stays with the people who need it (README「誰が何を見られるか」), on the sample company: 石井 和子 of
/// 経理・財務 is 退職予定 with an e-mail address; 取引先マスタの登録手順 is a 下書き of 経理・財務. Viewers: a Reader of 経理・財務
/// (A), an Editor of 経理・財務, an Editor of 総務 (B) and the Admin.
/// </summary>
public sealed class PeopleAccessTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Accounting = "経理・財務";
    private const string GeneralAffairs = "総務";
    private const string Ishii = "石井 和子";
    private const string IshiiEmail = "k.ishii@sample-shoji.co.jp";
    private const string Leaving = "退職予定";
    private const string DraftTitle = "取引先マスタの登録手順";

    [Fact]
    public async Task EmployeePage_ReaderOfOwnDepartment_ShowsNameWithoutLeavingPlanOrEmail()
    {
        var reader = await SessionAsync(Roles.Reader, Accounting);
        var ishii = await EmployeeAsync(factory, Ishii);

        var (response, page) = await reader.GetAsync($"/employees/{ishii.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Ishii, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(Leaving, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(IshiiEmail, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".meta time, .status"));
    }

    [Theory]
    [InlineData(Roles.Editor, Accounting)]
    [InlineData(Roles.Admin)]
    public async Task EmployeePage_EditorOfDepartmentOrAdmin_ShowsLeavingPlanAndEmail(string role, params string[] departments)
    {
        var session = await SessionAsync(role, departments);
        var ishii = await EmployeeAsync(factory, Ishii);

        var (response, page) = await session.GetAsync($"/employees/{ishii.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Leaving, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(IshiiEmail, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Editor)]
    public async Task OtherDepartmentsPages_ReaderOrEditorOfB_403(string role)
    {
        var session = await SessionAsync(role, GeneralAffairs);
        var ishii = await EmployeeAsync(factory, Ishii);
        var task = await TaskAsync(factory, "入金消込");
        var accounting = await DepartmentIdAsync(Accounting);

        foreach (var url in new[]
        {
            $"/employees/{ishii.Id}", $"/tasks/{task.Id}", $"/tasks?department={accounting}", $"/employees?department={accounting}",
            $"/coverage/matrix?department={accounting}", $"/coverage/matrix/history?department={accounting}", $"/coverage/what-if?employee={ishii.Id}",
        })
        {
            var (response, _) = await session.GetAsync(url);
            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ListsAndDashboard_EditorOfB_ShowOnlyOwnDepartment()
    {
        var editor = await SessionAsync(Roles.Editor, GeneralAffairs);

        foreach (var url in new[] { "/coverage", "/tasks", "/employees", "/coverage/matrix", "/coverage/what-if" })
        {
            var (response, page) = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("入金消込", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(Ishii, page.Body!.TextContent, StringComparison.Ordinal);
        }

        var (_, own) = await editor.GetAsync("/tasks");
        Assert.Contains("名刺の発注", own.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskList_Admin_ShowsEveryDepartment()
    {
        var admin = await SessionAsync(Roles.Admin);

        var (_, page) = await admin.GetAsync("/tasks");

        Assert.Contains("入金消込", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("名刺の発注", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmployeesAndMatrix_ReaderOfA_NamesWithoutStatuses()
    {
        var reader = await SessionAsync(Roles.Reader, Accounting);
        var editor = await SessionAsync(Roles.Editor, Accounting);

        var (_, list) = await reader.GetAsync("/employees");
        var (_, matrix) = await reader.GetAsync("/coverage/matrix");
        var (_, editorList) = await editor.GetAsync("/employees");

        Assert.Contains(Ishii, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Leaving, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Ishii, matrix.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Leaving, matrix.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(matrix.QuerySelectorAll(".is-leaving"));
        Assert.Contains(Leaving, editorList.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmployeesCsv_ReaderOfA_OwnDepartmentNamesWithoutEmailOrStatus()
    {
        var reader = await SessionAsync(Roles.Reader, Accounting);

        var csv = await CsvAsync(reader, "employees");

        Assert.Contains(Ishii, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("@", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(Leaving, csv, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", csv);
        Assert.All(Rows(csv), row => Assert.StartsWith(Accounting + ",", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmployeesCsv_EditorOfA_OwnDepartmentWithEmailAndStatus_Admin_Everyone()
    {
        var editor = await SessionAsync(Roles.Editor, Accounting);
        var admin = await SessionAsync(Roles.Admin);

        var own = await CsvAsync(editor, "employees");
        var all = await CsvAsync(admin, "employees");

        Assert.Matches($"{Accounting},{Ishii},{IshiiEmail},{Leaving},\\d{{4}}-\\d{{2}}-\\d{{2}},", own);
        Assert.All(Rows(own), row => Assert.StartsWith(Accounting + ",", row, StringComparison.Ordinal));
        Assert.Contains(IshiiEmail, all, StringComparison.Ordinal);
        Assert.Equal(await EmployeeCountAsync(factory), Rows(all).Count);
    }

    [Theory]
    [InlineData("tasks", "入金消込")]
    [InlineData("matrix", Ishii)]
    public async Task Csv_EditorOfB_HoldsNothingOfA(string kind, string ofA)
    {
        var editor = await SessionAsync(Roles.Editor, GeneralAffairs);

        var csv = await CsvAsync(editor, kind);

        Assert.DoesNotContain(ofA, csv, StringComparison.Ordinal);
        Assert.NotEmpty(Rows(csv));
        Assert.All(Rows(csv), row => Assert.StartsWith(GeneralAffairs + ",", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggest_ReaderOfB_NoTasksOfA()
    {
        var reader = await SessionAsync(Roles.Reader, GeneralAffairs);
        var member = await SessionAsync(Roles.Reader, Accounting);

        var hidden = await SuggestionsAsync(reader, "入金消込");
        var shown = await SuggestionsAsync(member, "入金消込");

        Assert.DoesNotContain(hidden, s => s.Kind == "task");
        Assert.Contains(shown, s => s.Kind == "task" && s.Text == "入金消込");
    }

    [Fact]
    public async Task Draft_ReaderOfItsDepartment_NotInListSearchSuggestionsOrTaskPagesAndShow403()
    {
        var reader = await SessionAsync(Roles.Reader, Accounting);
        var id = await ManualIdAsync(DraftTitle);

        var (_, list) = await reader.GetAsync("/manuals");
        var (_, search) = await reader.GetAsync("/search?q=" + Uri.EscapeDataString("取引先マスタ"));
        var suggestions = await SuggestionsAsync(reader, "取引先マスタ");
        var (show, _) = await reader.GetAsync($"/manuals/{id}");
        var (history, _) = await reader.GetAsync($"/manuals/{id}/history");
        var (_, home) = await reader.GetAsync("/");

        // Other manuals mention its title in their text: what must not appear is a link to it.
        Assert.Empty(list.QuerySelectorAll($"a[href='/manuals/{id}']"));
        Assert.Empty(search.QuerySelectorAll($"a[href^='/manuals/{id}']"));
        Assert.DoesNotContain(suggestions, s => s.Text == DraftTitle);
        Assert.Empty(home.QuerySelectorAll($"a[href='/manuals/{id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, show.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
    }

    [Fact]
    public async Task Draft_EditorOfItsDepartment_SeesItEverywhere()
    {
        var editor = await SessionAsync(Roles.Editor, Accounting);
        var id = await ManualIdAsync(DraftTitle);

        var (_, list) = await editor.GetAsync("/manuals");
        var (_, search) = await editor.GetAsync("/search?q=" + Uri.EscapeDataString("取引先マスタ"));
        var suggestions = await SuggestionsAsync(editor, "取引先マスタ");
        var (show, _) = await editor.GetAsync($"/manuals/{id}");

        Assert.NotEmpty(list.QuerySelectorAll($"a[href='/manuals/{id}']"));
        Assert.NotEmpty(search.QuerySelectorAll($"a[href^='/manuals/{id}']"));
        Assert.Contains(suggestions, s => s.Text == DraftTitle);
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
    }

    [Fact]
    public async Task EditorPanels_Reader_HiddenOnManualAndHome_Editor_Shown()
    {
        var reader = await SessionAsync(Roles.Reader, Accounting);
        var editor = await SessionAsync(Roles.Editor, Accounting);
        var id = await ManualIdAsync("月次決算の手順");

        var (_, readerManual) = await reader.GetAsync($"/manuals/{id}");
        var (_, editorManual) = await editor.GetAsync($"/manuals/{id}");
        var (_, readerHome) = await reader.GetAsync("/");
        var (_, editorHome) = await editor.GetAsync("/");

        Assert.DoesNotContain("記入状況", readerManual.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("記入状況", editorManual.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("レビューが必要なあなたのマニュアル", readerHome.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("レビューが必要なあなたのマニュアル", editorHome.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<WebSession> SessionAsync(string role, params string[] departments)
    {
        var name = $"{role.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}";
        await factory.CreateUserAsync(name, role, departments);
        return await WebSession.SignInAsync(factory, name, ManualsAppFactory.UserPassword);
    }

    private async Task<long> DepartmentIdAsync(string name) =>
        (await factory.Services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None)).Single(d => d.Name == name).Id;

    private async Task<long> ManualIdAsync(string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;

    private static async Task<string> CsvAsync(WebSession session, string kind)
    {
        var response = await session.Client.GetAsync(new Uri($"/coverage/export/{kind}.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
    }

    /// <summary>The data rows of a CSV file (the header left out).</summary>
    private static List<string> Rows(string csv) =>
        csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

    private static async Task<List<Suggestion>> SuggestionsAsync(WebSession session, string text)
    {
        var response = await session.Client.GetAsync(new Uri("/search/suggest?q=" + Uri.EscapeDataString(text), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<List<Suggestion>>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web) ?? [];
    }

    private sealed record Suggestion(string Kind, string Text, string Url);
}
