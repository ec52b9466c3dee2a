using System.Globalization;
using System.Net;
using System.Text;
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
    private const int People = 31;

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

        // The linked matrix opens with every task and person of the department.
        var (matrixResponse, matrix) = await admin.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, matrixResponse.StatusCode);
        Assert.Contains("大量業務 060", matrix.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>60 more tasks and 31 more people in 総務, each person the only one able to do one of the tasks.</summary>
    private static async Task ImportLargeDepartmentAsync(WebSession admin)
    {
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
