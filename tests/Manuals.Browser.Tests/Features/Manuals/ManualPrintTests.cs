using System.Globalization;
using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class ManualPrintTests(BrowserFixture browser)
{
    // A long sample (a table, eight steps, one with a nested list, callouts) that no other test edits, so it is at 第1版.
    private const string Title = "サーバ障害の一次対応手順";
    private const string Department = "情報システム";
    private const string SampleFile = "server-incident-first-response.md";

    private static string PrintFolder => Path.Combine(RepositoryRoot.Path, "artifacts", "print");

    [Fact]
    public async Task PrintManual_PrintMediaAndPdf_CleanA4WithFooterOnEveryPageAndNoStepSplit()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var list = await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await list.ShowDepartmentAsync(Department);
        var manual = await list.OpenManualAsync(Title);
        await Expect(manual.RevisionNumber).ToHaveTextAsync("第1版");
        await Expect(manual.PrintButton).ToBeVisibleAsync();
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"))
            .ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Contentinfo)).ToBeHiddenAsync();
        await Expect(manual.PrintButton).ToBeHiddenAsync();
        await Expect(manual.StepModeLink).ToBeHiddenAsync();
        await Expect(manual.EditLink).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "現在位置" })).ToBeHiddenAsync();
        await Expect(manual.Title).ToBeVisibleAsync();
        await Expect(manual.RevisionNumber).ToBeVisibleAsync();
        await Expect(manual.Step("検知と受付")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "manual-print-view");

        Directory.CreateDirectory(PrintFolder);
        var pdf = Path.Combine(PrintFolder, "manual-print.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });
        foreach (var old in Directory.EnumerateFiles(PrintFolder, "manual-print-*.png"))
        {
            File.Delete(old);
        }

        await Poppler.RenderPngsAsync(pdf, Path.Combine(PrintFolder, "manual-print"), 60);

        var pageCount = await Poppler.PageCountAsync(pdf);
        Assert.True(pageCount >= 2, $"The long sample printed on {pageCount} page(s).");
        // pdftotext breaks lines where the page did; whitespace is removed before comparing.
        var text = Squeeze(await Poppler.TextAsync(pdf));
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("Zabbixのアラート", text, StringComparison.Ordinal);
        Assert.Contains("第1版", text, StringComparison.Ordinal);
        Assert.Contains(today, text, StringComparison.Ordinal);
        // The footer is in every page's margin, and the fallback block (for browsers without margin boxes) is not printed too.
        Assert.Equal(pageCount, Regex.Count(text, "印刷日"));
        Assert.DoesNotContain("ステップ表示", text, StringComparison.Ordinal);
        Assert.DoesNotContain("改訂履歴", text, StringComparison.Ordinal);

        var pages = new List<string>();
        for (var number = 1; number <= pageCount; number++)
        {
            var pageText = Squeeze(await Poppler.TextAsync(pdf, number));
            Assert.True(
                pageText.Contains(Squeeze($"{Title} ／ 第1版 ／ 印刷日 {today}"), StringComparison.Ordinal)
                    && pageText.Contains($"{number}/{pageCount}", StringComparison.Ordinal),
                $"Page {number} has no footer with the title, revision, print date and page number: {pageText}");
            pages.Add(pageText);
        }

        // A step card is never split: each step's first words and last words are on the same page.
        var steps = SampleSteps();
        Assert.Equal(8, steps.Count);
        foreach (var (start, end) in steps)
        {
            var startPage = pages.FindIndex(p => p.Contains(start, StringComparison.Ordinal));
            var endPage = pages.FindIndex(p => p.Contains(end, StringComparison.Ordinal));
            Assert.True(startPage >= 0 && startPage == endPage, $"Step 「{start}…{end}」 runs from page {startPage + 1} to page {endPage + 1}.");
        }
    }

    [Fact]
    public async Task PrintManual_StepsLongerThanPageGaps_NoStepCardSplitAcrossPages()
    {
        const string title = "印刷確認用の長い手順";
        const int count = 9;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var form = await ManualNewPage.OpenAsync(page);
        await form.TitleField.FillAsync(title);
        await form.Department.SelectOptionAsync(new SelectOptionValue { Label = "総務" });
        await form.Body.FillAsync(LongStepsMarkdown(count));
        var manual = await form.SaveAsync();
        await Expect(manual.PrintButton).ToBeVisibleAsync();

        Directory.CreateDirectory(PrintFolder);
        var pdf = Path.Combine(PrintFolder, "long-steps.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });
        foreach (var old in Directory.EnumerateFiles(PrintFolder, "long-steps-*.png"))
        {
            File.Delete(old);
        }

        await Poppler.RenderPngsAsync(pdf, Path.Combine(PrintFolder, "long-steps"), 60);

        var pageCount = await Poppler.PageCountAsync(pdf);
        Assert.True(pageCount >= 3, $"{count} long steps printed on {pageCount} page(s).");
        var pages = new List<string>();
        for (var number = 1; number <= pageCount; number++)
        {
            pages.Add(Squeeze(await Poppler.TextAsync(pdf, number)));
        }

        // Every step is longer than the room a page usually has left, so without break-inside: avoid several would split.
        for (var step = 1; step <= count; step++)
        {
            var startPage = pages.FindIndex(p => p.Contains($"手順{step}の始まり", StringComparison.Ordinal));
            var endPage = pages.FindIndex(p => p.Contains($"手順{step}の終わり", StringComparison.Ordinal));
            Assert.True(startPage >= 0 && startPage == endPage, $"Step {step} runs from page {startPage + 1} to page {endPage + 1}.");
        }

        Assert.All(pages, p => Assert.Contains(Squeeze($"{title} ／ 第1版"), p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintButtonAndPrintQuery_OpenThePrintDialog()
    {
        await using var context = await browser.NewContextAsync();
        // Stands in for the browser's dialog, which a headless browser cannot show; counts how often it was asked for.
        await context.AddInitScriptAsync("window.print = () => { window.printRequests = (window.printRequests ?? 0) + 1; };");
        var page = await context.NewPageAsync();
        var list = await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await list.ShowDepartmentAsync(Department);
        var manual = await list.OpenManualAsync(Title);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.printRequests ?? 0"));

        await manual.PrintButton.ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.printRequests ?? 0"));

        await page.GotoAsync(page.Url + "?print=1");
        await page.WaitForFunctionAsync("() => window.printRequests === 1");
    }

    [Fact]
    public async Task PrintManual_WithoutJavaScript_NoPrintButtonAndFooterPrintsAfterManual()
    {
        await using var withScript = await browser.NewContextAsync();
        await using var context = await withScript.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        var list = await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await list.ShowDepartmentAsync(Department);
        var manual = await list.OpenManualAsync(Title);
        var footer = page.GetByText(new Regex($"^{Regex.Escape(Title)} ／ 第\\d+版 ／ 印刷日 \\d{{4}}/\\d{{2}}/\\d{{2}}$"));

        await Expect(manual.StepModeLink).ToBeVisibleAsync();
        await Expect(manual.PrintButton).ToBeHiddenAsync();
        await Expect(footer).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(footer).ToBeVisibleAsync();
    }

    private static string LongStepsMarkdown(int count)
    {
        var markdown = new System.Text.StringBuilder("## 目的\n\n印刷のときに手順が途中で分かれないことを確かめます。\n\n## 手順\n\n");
        for (var step = 1; step <= count; step++)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"{step}. **手順{step}の始まり** — 申請書の内容を確認します。")
                .Append("\n\n   ")
                .Append(string.Concat(Enumerable.Repeat("申請者の所属・氏名・金額・日付が、添付された証憑と一致していることを一つずつ確認します。", 3)))
                .Append("\n\n   - 金額の確認\n   - 日付の確認\n   - 押印の確認\n\n   :::warning\n   不一致があれば申請者に差し戻します。\n   :::\n\n   ")
                .Append(CultureInfo.InvariantCulture, $"確認が終わったら次へ進みます。手順{step}の終わり。\n");
        }

        return markdown.Append("\n## 関連情報\n\n- 経費精算規程\n").ToString();
    }

    /// <summary>Each step of the sample as (its bold title, the last characters of its text), whitespace removed.</summary>
    private static List<(string Start, string End)> SampleSteps()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "manuals", SampleFile)).ReplaceLineEndings("\n");
        var section = markdown[markdown.IndexOf("## 手順\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        return StepStart().Split(section)
            .Skip(1)
            .Chunk(2)
            .Select(pair =>
            {
                var lastLine = pair[1].Trim().Split('\n')[^1].TrimStart(' ', '-');
                var end = Squeeze(lastLine);
                return (Squeeze(pair[0]), end[^Math.Min(12, end.Length)..]);
            })
            .ToList();
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"(?m)^\d+\. \*\*(.+?)\*\*")]
    private static partial Regex StepStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
