using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>Step-by-step mode (<c>/manuals/{id}/steps/{n}</c>) and what the manual page offers for steps and printing.</summary>
public sealed class StepPagesTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string MonthlyClosing = "月次決算の手順";

    [Fact]
    public async Task Step_ReaderOfCompanyManual_ShowsOneStepWithProgressAndLinks()
    {
        await factory.CreateUserAsync("reader.steps", Roles.Reader, "広報");
        var reader = await WebSession.SignInAsync(factory, "reader.steps", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync(MonthlyClosing);

        var (response, document) = await reader.GetAsync($"/manuals/{id}/steps/3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MonthlyClosing, document.QuerySelector("h1")!.TextContent.Trim());
        var heading = document.QuerySelector("h2#step-title")!;
        Assert.Contains("手順 3", heading.TextContent, StringComparison.Ordinal);
        Assert.Contains("仕入・経費の計上", heading.TextContent, StringComparison.Ordinal);
        Assert.Contains("楽楽精算で承認済みの経費データ", document.QuerySelector(".step-mode__body")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ネットバンキング", document.QuerySelector(".step-mode__body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3 / 9", Text(document.QuerySelector(".step-progress__text")!));
        var progress = document.QuerySelector("progress")!;
        Assert.Equal(("3", "9"), (progress.GetAttribute("value"), progress.GetAttribute("max")));
        Assert.Equal($"/manuals/{id}/steps/2", Link(document, "a[rel=prev]", "前へ"));
        Assert.Equal($"/manuals/{id}/steps/4", Link(document, "a[rel=next]", "次へ"));
        Assert.Equal($"/manuals/{id}#step-3", Link(document, ".step-mode__back a", "一覧に戻る"));
        Assert.NotNull(document.QuerySelector("script[type=module][src^='/js/steps.js']"));
    }

    [Fact]
    public async Task Step_ManualWithPrerequisites_ShowsThemOpenOnTheFirstStepAndFoldedOnTheOthers()
    {
        var admin = await SignInAdminAsync();
        var id = await IdOfAsync(MonthlyClosing);

        var (_, first) = await admin.GetAsync($"/manuals/{id}/steps/1");
        var (_, third) = await admin.GetAsync($"/manuals/{id}/steps/3");

        var before = first.QuerySelector("details.step-mode__before")!;
        Assert.True(before.HasAttribute("open"));
        Assert.Equal("対象・前提", before.QuerySelector("summary")!.TextContent.Trim());
        Assert.NotNull(before.QuerySelector(".markdown li"));
        Assert.False(third.QuerySelector("details.step-mode__before")!.HasAttribute("open"));
    }

    [Fact]
    public async Task Start_ManualWithSteps_RedirectsToFirstStepWhichHasNoPrevious()
    {
        var admin = await SignInAdminAsync();
        var id = await IdOfAsync(MonthlyClosing);

        var (start, _) = await admin.GetAsync($"/manuals/{id}/steps");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"/manuals/{id}/steps/1", start.Headers.Location!.OriginalString);
        var (response, document) = await admin.GetAsync(start.Headers.Location.OriginalString);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("預金残高の照合", document.QuerySelector("h2#step-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 / 9", Text(document.QuerySelector(".step-progress__text")!));
        Assert.Null(document.QuerySelector("a[rel=prev]"));
        Assert.Equal($"/manuals/{id}/steps/2", Link(document, "a[rel=next]", "次へ"));
    }

    [Fact]
    public async Task Step_Last_OffersFinishLeadingToCompletePage()
    {
        var admin = await SignInAdminAsync();
        var id = await IdOfAsync(MonthlyClosing);

        var (_, last) = await admin.GetAsync($"/manuals/{id}/steps/9");
        var (complete, done) = await admin.GetAsync($"/manuals/{id}/steps/complete");

        Assert.Equal($"/manuals/{id}/steps/complete", Link(last, "a[rel=next]", "完了"));
        Assert.Contains("最後の手順", last.QuerySelector(".step-mode__last")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Contains("すべての手順を確認しました", done.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9 / 9", Text(done.QuerySelector(".step-progress__text")!));
        Assert.Equal($"/manuals/{id}/steps/9", Link(done, "a[rel=prev]", "前へ"));
        Assert.Equal($"/manuals/{id}", Link(done, ".step-mode__nav a.button--primary", "マニュアルに戻る"));
    }

    [Fact]
    public async Task Steps_RestrictedManualReaderOutsideDepartment_Gets403()
    {
        await factory.CreateUserAsync("reader.steps-outsider", Roles.Reader, "広報");
        await factory.CreateUserAsync("reader.steps-insider", Roles.Reader, "人事・労務");
        var outsider = await WebSession.SignInAsync(factory, "reader.steps-outsider", ManualsAppFactory.UserPassword);
        var insider = await WebSession.SignInAsync(factory, "reader.steps-insider", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("給与計算の手順");
        Assert.Equal(ManualVisibility.Department, (await FindAsync(id)).Visibility);

        foreach (var url in new[] { $"/manuals/{id}/steps", $"/manuals/{id}/steps/1", $"/manuals/{id}/steps/999", $"/manuals/{id}/steps/complete" })
        {
            var (response, document) = await outsider.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains("権限がありません", document.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("給与", document.Title ?? "", StringComparison.Ordinal);
        }

        var (insiderResponse, insiderPage) = await insider.GetAsync($"/manuals/{id}/steps/1");
        Assert.Equal(HttpStatusCode.OK, insiderResponse.StatusCode);
        Assert.Equal("給与計算の手順", insiderPage.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("999")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task Step_NumberOutsideSteps_Returns404JapanesePage(string number)
    {
        var admin = await SignInAdminAsync();
        var id = await IdOfAsync(MonthlyClosing);

        var (response, document) = await admin.GetAsync($"/manuals/{id}/steps/{number}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/manuals/999999/steps")]
    [InlineData("/manuals/999999/steps/1")]
    [InlineData("/manuals/999999/steps/complete")]
    [InlineData("/manuals/abc/steps/1")]
    public async Task Steps_UnknownManual_Returns404JapanesePage(string url)
    {
        var admin = await SignInAdminAsync();

        var (response, document) = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_SignedOut_RedirectsToSignIn()
    {
        var id = await IdOfAsync(MonthlyClosing);
        var anonymous = new WebSession(factory.CreateBrowserlikeClient());

        var (response, _) = await anonymous.GetAsync($"/manuals/{id}/steps/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ManualWithoutStepsSection_ShowsEmptyStateLinkingBack()
    {
        var admin = await SignInAdminAsync();
        var id = await CreateAsync(admin, "手順のない覚え書き", "## 目的\n\n来客用の駐車場は3台分です。\n\n## 関連情報\n\n- 総務部");

        var (start, document) = await admin.GetAsync($"/manuals/{id}/steps");
        var (first, _) = await admin.GetAsync($"/manuals/{id}/steps/1");
        var (complete, _) = await admin.GetAsync($"/manuals/{id}/steps/complete");

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("ステップ表示できる手順がありません", document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/manuals/{id}", Link(document, ".empty-state a", "マニュアルに戻る"));
        Assert.Null(document.QuerySelector("progress"));
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
    }

    [Fact]
    public async Task Step_ChecklistManual_ShowsTaskItemWithItsGroup()
    {
        var admin = await SignInAdminAsync();
        var id = await IdOfAsync("入社手続きチェックリスト");

        var (response, document) = await admin.GetAsync($"/manuals/{id}/steps/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("入社日の1か月前まで", document.QuerySelector(".step-mode__group")!.TextContent.Trim());
        Assert.Contains("労働条件通知書", document.QuerySelector("h2#step-title")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^1 / \d+$", Text(document.QuerySelector(".step-progress__text")!));
    }

    [Fact]
    public async Task Step_HostileStep_IsInertInStepMode()
    {
        var admin = await SignInAdminAsync();
        var id = await CreateAsync(admin, "危ない手順", "## 手順\n\n1. **開く** <script>alert(1)</script> [ここ](javascript:alert(1))\n\n   ![x](https://evil.example/a.png)\n2. 閉じます。");

        var (response, document) = await admin.GetAsync($"/manuals/{id}/steps/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = document.QuerySelector(".step-mode__body")!;
        Assert.Empty(body.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("#", body.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Show_ManualWithSteps_RendersStepCardsStepModeLinkAndPrintFooter()
    {
        var admin = await SignInAdminAsync();
        var id = await IdOfAsync(MonthlyClosing);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"))
            .ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

        var (response, document) = await admin.GetAsync($"/manuals/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = document.QuerySelectorAll(".markdown ol.steps > li.step");
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"step-{n}"), cards.Select(c => c.Id));
        Assert.Equal($"/manuals/{id}/steps", Link(document, ".actions a[href$='/steps']", "ステップ表示"));
        var print = document.QuerySelector("button[data-print-button]")!;
        Assert.Equal("印刷", print.TextContent.Trim());
        Assert.True(print.HasAttribute("hidden"), "Without JavaScript the print button must stay hidden.");
        var footer = Text(document.QuerySelector("[data-print-footer]")!);
        Assert.Contains(MonthlyClosing, footer, StringComparison.Ordinal);
        Assert.Contains("第1版", footer, StringComparison.Ordinal);
        Assert.Contains("印刷日 " + today, footer, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("script[type=module][src^='/js/print.js']"));
    }

    private Task<WebSession> SignInAdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private static async Task<long> CreateAsync(WebSession writer, string title, string body)
    {
        var response = await writer.SubmitAsync("/manuals/new", "form.manual-form", new()
        {
            ["Title"] = title,
            ["DepartmentId"] = "1",
            ["Body"] = body,
            ["Status"] = "Published",
        }, "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>The href of the element matched by <paramref name="selector"/>, after checking its visible text.</summary>
    private static string Link(IDocument document, string selector, string text)
    {
        var link = document.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector}");
        Assert.Equal(text, link.TextContent.Trim());
        return link.GetAttribute("href")!;
    }

    private static string Text(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("進み具合: ", "", StringComparison.Ordinal);

    private async Task<long> IdOfAsync(string title)
    {
        var store = factory.Services.GetRequiredService<IManualStore>();
        var manuals = await store.ListAsync(null, CancellationToken.None);
        return manuals.Single(m => m.Title == title).Id;
    }

    private async Task<Manual> FindAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;
}
