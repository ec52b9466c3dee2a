using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Handovers;

/// <summary>
/// The handover checklist as a PDF: printed on the server by Debian's Chromium from the print page, read back with
/// poppler. Japanese text is real text, pages are A4 with page numbers, and no row is split across pages.
/// </summary>
[LongRunning(41)]
public sealed partial class HandoverPdfTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private static string Folder => Path.Combine(ManualsAppFactory.RepositoryRoot, "artifacts", "handover-pdf");

    [Fact]
    public async Task Pdf_LongChecklist_A4NumberedPagesWithEveryTaskOnOnePage()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var employee = await EmployeeAsync(factory, "中山 修");
        var start = await admin.SubmitAsync(
            $"/handovers/new?employee={employee.Id}", "form[action='/handovers/new'][method=post]", new() { ["ManagerName"] = "松田 康弘" });
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var id = long.Parse(start.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        // Thirty more of 総務's and 経理's tasks, added one at a time through the form, make a checklist of several pages.
        var extra = (await factory.Services.GetRequiredService<IBusinessTaskStore>().ListAsync(null, CancellationToken.None))
            .Where(t => t.DepartmentId is 1 or 3).Take(34).Select(t => t.Id).ToList();
        foreach (var taskId in extra)
        {
            var added = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}']", new() { ["AddTaskId"] = $"{taskId}" });
            Assert.True(added.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
        }

        var handover = (await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None))!;
        Assert.True(handover.Items.Count >= 30, $"{handover.Items.Count} items");

        var response = await admin.Client.GetAsync(new Uri($"/handovers/{id}/pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Directory.CreateDirectory(Folder);
        var pdf = Path.Combine(Folder, "handover-checklist.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        await Poppler.RenderPngsAsync(pdf, Path.Combine(Folder, "handover-checklist"), 60);

        var pages = await Poppler.PageCountAsync(pdf);
        Assert.True(pages >= 2, $"{pages} page(s)");
        Assert.All(await Poppler.PageSizesAsync(pdf), size => Assert.EndsWith("(A4)", size, StringComparison.Ordinal));
        var text = Squeeze(await Poppler.TextAsync(pdf));
        Assert.Contains("業務引継ぎチェックリスト", text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("中山 修"), text, StringComparison.Ordinal);
        Assert.Contains("共通の引継ぎ事項", text, StringComparison.Ordinal);
        Assert.Contains("パスワードは紙やメモに書かず", text, StringComparison.Ordinal);
        var pageTexts = new List<string>();
        var firstColumns = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var pageText = Squeeze(await Poppler.TextAsync(pdf, page));
            Assert.Contains($"{page}/{pages}", pageText, StringComparison.Ordinal);
            Assert.Contains("業務引継ぎチェックリスト／中山修", pageText, StringComparison.Ordinal);
            pageTexts.Add(pageText);
            // The 業務 column, top to bottom: a task name wrapped over lines reads whole here. Its heading is centred,
            // so the column ends as far right of the heading's centre as the page's text starts left of it.
            var words = await Poppler.WordsAsync(pdf, page);
            var heading = words.FirstOrDefault(w => w.Text == "業務");
            var end = heading.Text is null ? 0 : heading.Left + heading.Right - words.Min(w => w.Left);
            firstColumns.Add(string.Concat(words.Where(w => w.Right < end).OrderBy(w => Math.Round(w.Top)).ThenBy(w => w.Left).Select(w => w.Text)));
        }

        foreach (var item in handover.Items)
        {
            // A row is never split: a split row would leave part of its name at the foot of one page and the rest on the next.
            var name = Squeeze(item.TaskName);
            Assert.True(firstColumns.Count(c => c.Contains(name, StringComparison.Ordinal)) == 1, $"{item.TaskName} is not whole on exactly one page");
        }

        // The table header repeats on every page that has rows.
        var pagesWithRows = Enumerable.Range(0, pages).Where(p => handover.Items.Any(i => firstColumns[p].Contains(Squeeze(i.TaskName), StringComparison.Ordinal))).ToList();
        Assert.True(pagesWithRows.Count >= 2, "The rows fit on one page; the test needs more.");
        Assert.All(pagesWithRows, p => Assert.Contains("同席して", pageTexts[p], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_NoChromium_503InJapaneseWithTheWayOut()
    {
        using var noChromium = factory.WithWebHostBuilder(b => b.UseSetting("Pdf:Chromium", "/nonexistent/chromium"));
        var client = new WebSession(noChromium.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var signIn = await client.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']", new() { ["UserName"] = "admin", ["Password"] = ManualsAppFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var employee = await EmployeeAsync(factory, "松田 康弘");
        var start = await client.SubmitAsync(
            $"/handovers/new?employee={employee.Id}",
            "form[action='/handovers/new'][method=post]",
            new() { ["ManagerName"] = "総務部長", ["EffectiveDate"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var id = start.Headers.Location!.OriginalString.Split('/')[^1];

        var (response, page) = await client.GetAsync($"/handovers/{id}/pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("PDFを作成できません", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/handovers/{id}/print']"));
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
