using System.Globalization;
using System.Net;
using System.Text;
using Manuals.Core.Coverage;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Tests.Infrastructure;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>
/// The dashboard of a department too large to draw: its matrix is linked rather than drawn, and the lists of tasks at
/// risk and of people relied on show their first entries with the whole count and where the rest are.
/// </summary>
public sealed class CoverageDashboardScaleTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Department = "総務";
    private const int Tasks = 60;
    private const int People = 40;

    [Fact]
    public async Task Dashboard_DepartmentOverTheHeatmapLimit_IsLinkedAndListsShowTheirFirstEntries()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        await ImportLargeDepartmentAsync(admin);

        var (response, page) = await admin.GetAsync("/coverage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // 総務 (78 tasks × 40-odd people) is linked; the six other sample departments are still drawn.
        Assert.Equal(6, page.QuerySelectorAll("figure.heatmap").Length);
        Assert.DoesNotContain(page.QuerySelectorAll("figure.heatmap figcaption"), c => c.TextContent.Trim() == Department);
        var large = Assert.Single(page.QuerySelectorAll(".large-matrices li"));
        var link = large.QuerySelector("a")!;
        Assert.Equal(Department, link.TextContent);
        Assert.StartsWith("/coverage/matrix?department=", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Matches(@"^\d+業務 × \d+人$", large.QuerySelector(".help")!.TextContent);

        var atRisk = page.QuerySelector("#at-risk-heading")!.ParentElement!;
        Assert.Equal(DashboardPage.ListLength, atRisk.QuerySelectorAll(".at-risk-list li").Length);
        var total = int.Parse(page.QuerySelector("#at-risk-heading")!.TextContent.Split('（', '件')[1], CultureInfo.InvariantCulture);
        Assert.True(total > DashboardPage.ListLength);
        Assert.Equal($"最も急ぐ{DashboardPage.ListLength}件を表示しています（全{total}件）。", atRisk.QuerySelector(".list-more")!.FirstChild!.TextContent.Trim());
        Assert.Equal(
            ["/tasks?risk=Critical", "/tasks?risk=High"],
            atRisk.QuerySelectorAll(".list-more a").Select(a => a.GetAttribute("href") ?? "").ToList());

        var sole = page.QuerySelector("#sole-heading")!.ParentElement!;
        Assert.Equal(DashboardPage.ListLength, sole.QuerySelectorAll(".sole-table tbody tr").Length);
        Assert.Contains($"{DashboardPage.ListLength}人を表示しています（全", sole.QuerySelector(".list-more")!.TextContent, StringComparison.Ordinal);

        // The linked matrix opens on its first page of tasks.
        var (matrixResponse, matrix) = await admin.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, matrixResponse.StatusCode);
        Assert.Equal(MatrixPage.TasksPerPage, matrix.QuerySelectorAll("table.matrix tbody tr").Length);
    }

    [Fact]
    public async Task Matrix_LargeDepartment_ShowsPagesOfTasksAndTheFormSavesItsOwnPage()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        await ImportLargeDepartmentAsync(admin);
        var department = (await TaskAsync(factory, "大量業務 001")).DepartmentId;
        var total = (await admin.GetAsync($"/tasks?department={department}")).Document.QuerySelectorAll(".coverage-table tbody tr").Length;
        var pages = (total + MatrixPage.TasksPerPage - 1) / MatrixPage.TasksPerPage;
        Assert.True(pages >= 3, $"{total} tasks");
        var last = $"/coverage/matrix?department={department}&page={pages}";

        var (response, page) = await admin.GetAsync(last);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table.matrix tbody tr");
        Assert.Equal(total - ((pages - 1) * MatrixPage.TasksPerPage), rows.Length);
        Assert.Contains("大量業務 060", rows[^1].QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        var first = ((pages - 1) * MatrixPage.TasksPerPage) + 1;
        Assert.Equal($"業務 {first}〜{total}件目を表示しています（全{total}件）。保存はこのページの業務に対して行われます。", page.QuerySelector(".matrix-range")!.TextContent);
        var pager = page.QuerySelectorAll("nav.pagination")[0];
        Assert.Equal("星取表のページ", pager.GetAttribute("aria-label"));
        Assert.Equal(pages.ToString(CultureInfo.InvariantCulture), pager.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Equal($"/coverage/matrix?department={department}&page={pages - 1}", pager.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(last, page.QuerySelector("form.matrix-form")!.GetAttribute("action"));

        // The form without JavaScript: one cell changed on the last page is saved, and the page comes back.
        var person = await EmployeeAsync(factory, "担当 001");
        var task = await TaskAsync(factory, "大量業務 060");
        var saved = await admin.SubmitAsync(last, "form.matrix-form", new() { [$"Cells[{person.Id}-{task.Id}]"] = "3B" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(last, saved.Headers.Location!.OriginalString);
        var cell = await CellAsync(factory, person.Id, task.Id);
        Assert.Equal((SkillLevel.CanTeach, AssignmentRole.Backup), (cell.Level, cell.Role));

        // A page past the last shows the last; a page that is not a number is refused.
        var (beyond, beyondPage) = await admin.GetAsync($"/coverage/matrix?department={department}&page=999");
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Equal(pages.ToString(CultureInfo.InvariantCulture), beyondPage.QuerySelector("nav.pagination [aria-current=page]")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/coverage/matrix?department={department}&page=abc")).Response.StatusCode);
    }

    /// <summary>60 more tasks and 40 more people in 総務, each person the only one able to do one of the tasks (once).</summary>
    private async Task ImportLargeDepartmentAsync(WebSession admin)
    {
        if (await TaskCountAsync(factory) > 120)
        {
            return;
        }

        var tasks = new StringBuilder("部署,業務名,頻度,重要度\n");
        var people = new StringBuilder("部署,氏名,在籍状況\n");
        var matrix = new StringBuilder("部署,業務名,氏名,習熟度,担当区分\n");
        for (var i = 1; i <= Tasks; i++)
        {
            tasks.Append(CultureInfo.InvariantCulture, $"{Department},大量業務 {i:000},毎月,中\n");
        }

        for (var i = 1; i <= People; i++)
        {
            people.Append(CultureInfo.InvariantCulture, $"{Department},担当 {i:000},在籍\n");
            matrix.Append(CultureInfo.InvariantCulture, $"{Department},大量業務 {i:000},担当 {i:000},2,主担当\n");
        }

        foreach (var (kind, csv) in new[] { ("Tasks", tasks), ("Employees", people), ("Matrix", matrix) })
        {
            var (response, document) = await UploadAsync(admin, kind, Utf8(csv.ToString()), "import");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {(int)response.StatusCode} {Errors(document)}");
        }
    }
}
