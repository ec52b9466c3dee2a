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
    [InlineData("1999-12-31")]
    [InlineData("2100/1/1")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("９９９９／１２／３１")]
    public async Task EmployeeCsvImport_DateOutsideSupportedYears_RowErrorNotServerError(string date)
    {
        var admin = await AdminAsync();
        var before = await CoverageWeb.EmployeeCountAsync(factory);
        var csv = $"部署,氏名,メールアドレス,在籍状況,日付\n総務,日付 検証,,退職予定,{date}\n";

        foreach (var intent in new[] { "dry-run", "import" })
        {
            var (response, document) = await CoverageWeb.UploadAsync(admin, "Employees", CoverageWeb.Utf8(csv), intent);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"2行目「日付」: 「{date}」は扱える範囲外の日付です。2000年1月1日から2099年12月31日までの日付を入力してください。", CoverageWeb.Errors(document), StringComparison.Ordinal);
            Assert.DoesNotContain("異動・退職の日付を入力してください", CoverageWeb.Errors(document), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CoverageWeb.EmployeeCountAsync(factory));
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
        var user = await admin.SubmitAsync("/admin/users/new", "form.card", new() { ["UserName"] = "invisible.name", ["DisplayName"] = name, ["Password"] = ManualsAppFactory.UserPassword });
        var synonyms = await admin.SubmitAsync("/admin/synonyms", "#synonym-add", new() { ["words"] = $"稟議,{name}" });

        Assert.Equal(HttpStatusCode.BadRequest, manual.StatusCode);
        var document = await WebSession.ParseAsync(manual);
        Assert.Contains("タイトルを入力してください", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, document.QuerySelector("textarea#Body")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, template.StatusCode);
        Assert.Contains("テンプレート名を入力してください", (await WebSession.ParseAsync(template)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, task.StatusCode);
        Assert.Contains("業務を入力してください", (await WebSession.ParseAsync(task)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, employee.StatusCode);
        Assert.Contains("氏名を入力してください", (await WebSession.ParseAsync(employee)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
        var userPage = await WebSession.ParseAsync(user);
        Assert.Contains("表示名を入力してください", userPage.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("invisible.name", (userPage.QuerySelector("input[name=UserName]") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
        Assert.Equal(HttpStatusCode.BadRequest, synonyms.StatusCode);
        var synonymPage = await WebSession.ParseAsync(synonyms);
        Assert.Contains("言葉を 2 つ以上", synonymPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"稟議,{name}", (synonymPage.QuerySelector("#synonym-add input[name=words]") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
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

    public static TheoryData<string, string, string?> FormPages() => new()
    {
        { "/manuals/new", "form.manual-form", "save" },
        { "/templates/new", "form.template-form", "save" },
        { "/tasks/new?department=1", "form.card", null },
        { "/employees/new?department=1", "form.card", null },
        { "/handovers/new?employee={employee}", "form[action='/handovers/new'][method=post]", null },
        { "/admin/users/new", "form.card", null },
        { "/admin/synonyms", "#synonym-add", null },
        { "/account/password", "form[action='/account/password']", null },
    };

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task FormPost_NulInEveryTextField_SavedOrSameFormNotErrorPage(string url, string formSelector, string? intent)
    {
        var admin = await AdminAsync();
        var employee = await CoverageWeb.EmployeeAsync(factory, "上田 陽介");
        url = url.Replace("{employee}", employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (_, page) = await admin.GetAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(formSelector)!;
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "text" or "search" or "password" } input when !string.IsNullOrEmpty(input.Name):
                    values[input.Name] = (string.IsNullOrEmpty(input.Value) ? "NUL入り" : input.Value) + "\0" + "\u0001x";
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values[area.Name] = area.Value + "\0本文\u0001";
                    break;
            }
        }

        var response = await admin.SubmitAsync(url, formSelector, values, intent is null ? null : "intent", intent);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            // Refused for another reason (a password too short, synonyms that are one word…): the form again, not the error page.
            Assert.NotNull((await WebSession.ParseAsync(response)).QuerySelector(formSelector));
        }
    }

    [Fact]
    public async Task FormPost_NulInTitleBodyAndName_SavedWithoutControlCharacters()
    {
        var admin = await AdminAsync();

        var manual = await admin.SubmitAsync("/manuals/new", "form.manual-form", new() { ["Title"] = "NUL\0入りの\u0001タイトル", ["Body"] = "## 手順\n\n1. 本文\0です\u001F" }, "intent", "save");
        var employee = await admin.SubmitAsync("/employees/new?department=1", "form.card", new() { ["Name"] = "中\0村 \u0007真一", ["Status"] = "Active" });

        Assert.Equal(HttpStatusCode.Redirect, manual.StatusCode);
        var saved = await SavedManualAsync(manual);
        Assert.Equal("NUL入りのタイトル", saved.Title);
        Assert.Equal("## 手順\n\n1. 本文です", saved.Body);
        Assert.Equal(HttpStatusCode.Redirect, employee.StatusCode);
        Assert.Equal("中村 真一", (await CoverageWeb.EmployeeAsync(factory, "中村 真一")).Name);
    }

    [Fact]
    public async Task Preview_NulInMarkdown_RenderedWithoutIt()
    {
        var admin = await AdminAsync();
        var token = await admin.TokenFromAsync("/manuals/new");

        var preview = await admin.PostAsync("/manuals/preview", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["markdown"] = "## 手順\n\n1. 本文\0です" });

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("本文です", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_NulWithOtherFieldInvalid_SameFormWithTextKept()
    {
        var admin = await AdminAsync();
        var body = "## 手順\n\n1. 消えてはいけない\0本文";

        var response = await admin.SubmitAsync("/manuals/new", "form.manual-form", new() { ["Title"] = "", ["Body"] = body }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("タイトルを入力してください", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("## 手順\n\n1. 消えてはいけない本文", document.QuerySelector("textarea#Body")!.TextContent);
    }

    [Fact]
    public async Task FormPost_MultipartWithNulAndTypedPercentZeroZero_NulDroppedPercentKept()
    {
        var admin = await AdminAsync();
        var (_, page) = await admin.GetAsync("/manuals/new?editor=markdown");
        var fields = WebSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.manual-form")!);
        fields["Title"] = "割引\0率は100%00";
        fields["Body"] = "## 手順\n\n1. %00 と\0 NUL";
        fields["intent"] = "save";
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var response = await admin.Client.PostAsync(new Uri("/manuals/new", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await SavedManualAsync(response);
        Assert.Equal("割引率は100%00", saved.Title);
        Assert.Equal("## 手順\n\n1. %00 と NUL", saved.Body);
    }

    [Fact]
    public async Task FormPost_TypedPercentZeroZero_KeptAsText()
    {
        var admin = await AdminAsync();

        var response = await admin.SubmitAsync("/manuals/new", "form.manual-form", new() { ["Title"] = "%00 と %%00 は文字", ["Body"] = "## 手順\n\n1. 100%00" }, "intent", "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await SavedManualAsync(response);
        Assert.Equal("%00 と %%00 は文字", saved.Title);
        Assert.Equal("## 手順\n\n1. 100%00", saved.Body);
    }

    [Theory]
    [InlineData("/search?q=%E6%B1%BA%E7%AE%97%00")]
    [InlineData("/search/suggest?q=%E6%B1%BA%00")]
    [InlineData("/account/sign-in?returnUrl=%2F%00")]
    [InlineData("/tasks?department=1%00")]
    [InlineData("/handovers?From=2026-01-01%00")]
    public async Task QueryString_Nul_AnsweredWithoutServerError(string url)
    {
        var admin = await AdminAsync();

        var (response, _) = await admin.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("From", "1999-12-31")]
    [InlineData("To", "2100-01-01")]
    [InlineData("From", "0001-01-01")]
    public async Task HandoverList_DateFilterOutsideSupportedYears_400MessageOnTheList(string field, string date)
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync($"/handovers?{field}={date}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000年1月1日から2099年12月31日", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("form.filters"));
    }

    [Fact]
    public async Task SignIn_NulInUserName_SignInPageNotErrorPage()
    {
        var session = new WebSession(factory.CreateBrowserlikeClient());

        var response = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']", new() { ["UserName"] = "ad\0min", ["Password"] = ManualsAppFactory.AdminPassword });

        // The NUL goes, the name is the admin's: signed in, as a browser that dropped the character would be.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task CsvExport_EmployeeNamesLedByFullWidthMinusOrAt_GuardedAndImportedBackAsTyped()
    {
        var admin = await AdminAsync();
        foreach (var name in new[] { "－1+1 検証", "＠SUM 検証", "﹦式 検証" })
        {
            var created = await admin.SubmitAsync("/employees/new?department=1", "form.card", new() { ["Name"] = name, ["Status"] = "Active" });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var response = await admin.Client.GetAsync(new Uri("/coverage/export/employees.csv", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(",'－1+1 検証,", csv, StringComparison.Ordinal);
        Assert.Contains(",'＠SUM 検証,", csv, StringComparison.Ordinal);
        Assert.Contains(",'﹦式 検証,", csv, StringComparison.Ordinal);
        var (reimport, document) = await CoverageWeb.UploadAsync(admin, "Employees", await response.Content.ReadAsByteArrayAsync(), "dry-run");
        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        Assert.Empty(CoverageWeb.Errors(document));
    }

    private async Task<Manual> SavedManualAsync(HttpResponseMessage created)
    {
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;
    }

    private async Task<WebSession> AdminAsync() => await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count)) + "x";
}
