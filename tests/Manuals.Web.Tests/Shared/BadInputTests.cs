using System.Net;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Features.Coverage;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Shared;

/// <summary>Bad input of every kind gets a 4xx with a Japanese message and keeps the text, on every entry point.</summary>
public sealed class BadInputTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    public static TheoryData<string, string> DeepMarkdown() => new()
    {
        { "quotes", Repeat(">", 128) },
        { "brackets", Repeat("[", 200) },
        { "lists", Repeat("- ", 20000) },
        { "callouts", Repeat(":::note\n", 5000) },
        { "links", Repeat("[[", 2000) },
    };

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public async Task ManualForm_DeeplyNestedMarkdown_400MessageAndTextKeptOnSaveAndPreview(string kind, string body)
    {
        var admin = await AdminAsync();

        foreach (var intent in new[] { "save", "preview" })
        {
            var response = await admin.SubmitAsync("/manuals/new", "form.manual-form", new() { ["Title"] = "入れ子 " + kind, ["Body"] = body }, "intent", intent);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var document = await WebSession.ParseAsync(response);
            Assert.Contains("入れ子が深すぎます", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(body, document.QuerySelector("textarea#Body")!.TextContent);
        }

        var token = await admin.TokenFromAsync("/manuals/new");
        var preview = await admin.PostAsync("/manuals/preview", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["markdown"] = body });
        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Contains("入れ子が深すぎます", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public async Task TemplateForm_DeeplyNestedMarkdown_400MessageAndTextKept(string kind, string body)
    {
        var admin = await AdminAsync();

        var response = await admin.SubmitAsync("/templates/new", "form.template-form", new() { ["Name"] = "入れ子 " + kind, ["Body"] = "## 手順\n\n" + body }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("入れ子が深すぎます", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("## 手順\n\n" + body, document.QuerySelector("textarea[name=Body]")!.TextContent);
    }

    [Fact]
    public async Task ManualPage_StoredDeeplyNestedText_ShowsItAsTypedNot500()
    {
        var admin = await AdminAsync();
        var body = Repeat(">", 200);
        long id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Text saved before the limit was checked: written straight to the store.
            var store = scope.ServiceProvider.GetRequiredService<IManualStore>();
            var existing = (await store.ListAsync(null, CancellationToken.None)).First(m => m.Title == "郵便物の仕分けと配布");
            id = existing.Id;
            var manual = (await store.FindAsync(id, CancellationToken.None))!;
            var draft = new ManualDraft(manual.Title, manual.DepartmentId, manual.Visibility, manual.Status, manual.Template, manual.Tags, body, "");
            Assert.True(await store.TryUpdateAsync(id, manual.RevisionNumber, draft, new Author(null, "admin"), DateTimeOffset.UtcNow, CancellationToken.None));
        }

        foreach (var url in new[] { $"/manuals/{id}", $"/manuals/{id}/steps", $"/manuals/{id}/revisions/1", "/search?q=%3E" })
        {
            var (response, _) = await admin.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }

        var (page, pageDocument) = await admin.GetAsync($"/manuals/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(body, pageDocument.QuerySelector(".markdown-source")!.TextContent);
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2100-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task DateFields_OutsideSupportedYears_400MessageAndFormKept(string date)
    {
        var admin = await AdminAsync();
        var employee = await CoverageWeb.EmployeeAsync(factory, "上田 陽介");

        var handover = await admin.SubmitAsync(
            $"/handovers/new?employee={employee.Id}",
            "form[action='/handovers/new'][method=post]",
            new() { ["Reason"] = "Transfer", ["ManagerName"] = "松田 康弘", ["EffectiveDate"] = date, ["Note"] = "引継ぎメモ" });
        var status = await admin.SubmitAsync(
            $"/employees/{employee.Id}/edit",
            "form.card",
            new() { ["Status"] = "LeavingScheduled", ["StatusDate"] = date });
        var (search, _) = await admin.GetAsync($"/search?q=%E6%B1%BA%E7%AE%97&from={date}");

        Assert.Equal(HttpStatusCode.BadRequest, handover.StatusCode);
        var document = await WebSession.ParseAsync(handover);
        Assert.Contains("2000年1月1日から2099年12月31日", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("引継ぎメモ", document.QuerySelector("textarea[name=Note]")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("2000年1月1日から2099年12月31日", (await WebSession.ParseAsync(status)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF")]
    [InlineData("\u3000\u200B\u3164")]
    public async Task RequiredNames_OnlyInvisibleCharacters_400RequiredAndTextKept(string name)
    {
        var admin = await AdminAsync();
        var body = "## 手順\n\n1. 消えてはいけない本文";

        var manual = await admin.SubmitAsync("/manuals/new", "form.manual-form", new() { ["Title"] = name, ["Body"] = body }, "intent", "save");
        var template = await admin.SubmitAsync("/templates/new", "form.template-form", new() { ["Name"] = name, ["Body"] = "## 手順\n" }, "intent", "save");
        var task = await admin.SubmitAsync("/tasks/new?department=1", "form.card", new() { ["Name"] = name, ["Frequency"] = "Monthly", ["Criticality"] = "High" });
        var employee = await admin.SubmitAsync("/employees/new?department=1", "form.card", new() { ["Name"] = name, ["Status"] = "Active" });

        Assert.Equal(HttpStatusCode.BadRequest, manual.StatusCode);
        var document = await WebSession.ParseAsync(manual);
        Assert.Contains("タイトルを入力してください", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, document.QuerySelector("textarea#Body")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, template.StatusCode);
        Assert.Contains("テンプレート名を入力してください", (await WebSession.ParseAsync(template)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, task.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, employee.StatusCode);
    }

    [Fact]
    public async Task CsvExport_FullWidthFormulaAtStart_Guarded()
    {
        var admin = await AdminAsync();
        var created = await admin.SubmitAsync("/tasks/new?department=1", "form.card",
            new() { ["Name"] = "＝HYPERLINK(\"https://evil.example\")", ["Timing"] = "＋81", ["Frequency"] = "Monthly", ["Criticality"] = "High" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var csv = await (await admin.Client.GetAsync(new Uri("/coverage/export/tasks.csv", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains("\"'＝HYPERLINK(\"\"https://evil.example\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",'＋81,", csv, StringComparison.Ordinal);
    }

    private async Task<WebSession> AdminAsync() => await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count)) + "x";
}
