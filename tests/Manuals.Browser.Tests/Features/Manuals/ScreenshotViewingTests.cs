using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

/// <summary>
/// A screenshot as readers meet it: a phone downloads a small width of it, and a click, a tap or Enter opens it full
/// screen, where it zooms, and Esc, 閉じる or the browser's Back close it.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class ScreenshotViewingTests(BrowserFixture browser)
{
    // A 1600 × 900 screenshot pasted onto a step card, as a writer's Ctrl+V does.
    private const string PasteScreenshotScript = """
        async (field) => {
          const canvas = document.createElement('canvas');
          canvas.width = 1600;
          canvas.height = 900;
          const g = canvas.getContext('2d');
          g.fillStyle = '#eef4fb';
          g.fillRect(0, 0, 1600, 900);
          g.fillStyle = '#1d4e89';
          g.font = '80px sans-serif';
          g.fillText('申請フォーム', 80, 450);
          const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
          const data = new DataTransfer();
          data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
          field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """;

    [Fact]
    public async Task Screenshot_OnAPhoneDownloadsASmallWidth_AndOpensFullScreenFromTheManualAndStepMode()
    {
        await using var context = await browser.NewContextAsync();
        var (page, editor, cardImage) = await NewManualWithScreenshotAsync(context, "拡大できるスクリーンショット", "申請フォームを開く");
        await editor.SaveButton.ClickAsync();
        var manual = await ManualPage.ShownAsync(page, "拡大できるスクリーンショット");
        var manualUrl = page.Url;

        // The page offers the smaller widths at their true widths, and the picture's size.
        var shown = manual.Article.GetByRole(AriaRole.Img).First;
        await Expect(shown).ToHaveAttributeAsync("srcset", SourceSet());
        await Expect(shown).ToHaveAttributeAsync("width", "1600");
        await Expect(shown).ToHaveAttributeAsync("height", "900");

        // A high-density laptop screen (150 % scaling) downloads the full picture and still shows it as wide as the text.
        await using (var laptop = await browser.NewContextAsync(deviceScaleFactor: 1.5f))
        {
            var laptopPage = await laptop.NewPageAsync();
            await (await SignInPage.OpenAsync(laptopPage)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
            await laptopPage.GotoAsync(manualUrl);
            var article = (await ManualPage.ShownAsync(laptopPage, "拡大できるスクリーンショット")).Article;
            await laptopPage.WaitForFunctionAsync("() => { const i = document.querySelector('article img'); return i && i.complete && i.naturalWidth > 0; }");
            var widths = await article.GetByRole(AriaRole.Img).First.EvaluateAsync<double[]>(
                "i => [i.getBoundingClientRect().width, i.parentElement.closest('p, li, figure, div').clientWidth]");
            Assert.True(Math.Abs(widths[0] - widths[1]) < 2, $"picture {widths[0]} px wide in a {widths[1]} px column");
        }

        // A phone (its own browser, nothing cached) takes the 480 px width.
        await using var phone = await browser.NewContextAsync(hasTouch: true);
        page = await phone.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await page.GotoAsync(manualUrl);
        manual = await ManualPage.ShownAsync(page, "拡大できるスクリーンショット");
        var screenshot = manual.Article.GetByRole(AriaRole.Img).First;
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('article img'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.EndsWith("?w=480", await screenshot.EvaluateAsync<string>("i => i.currentSrc"), StringComparison.Ordinal);
        Assert.Equal(480, await screenshot.EvaluateAsync<int>(
            "async (shown) => { const loaded = new Image(); loaded.src = shown.currentSrc; await loaded.decode(); return loaded.naturalWidth; }"));

        // Tapped: full screen, the whole picture; zoomed with ＋; closed with the browser's Back, staying on the page.
        var open = manual.Article.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^画像を拡大して表示") });
        await open.ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog, new() { Name = "画像の拡大表示" });
        await Expect(viewer).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Img)).ToHaveJSPropertyAsync("naturalWidth", 1600);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "拡大" }).ClickAsync();
        await Expect(viewer.Locator("[data-zoom-level]")).ToHaveTextAsync("150%");

        // Two fingers spread from 80 to 240 px apart: three times as large. Then the wheel: 0.8 times.
        var stage = (await viewer.Locator(".image-zoom__stage").BoundingBoxAsync())!;
        var (cx, cy) = (Math.Round(stage.X + (stage.Width / 2)), Math.Round(stage.Y + (stage.Height / 2)));
        var touch = await phone.NewCDPSessionAsync(page);
        async Task TouchAsync(string type, params double[] spreads) =>
            await touch.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
            {
                ["type"] = type,
                ["touchPoints"] = spreads.Select((spread, i) => new Dictionary<string, object> { ["x"] = cx + ((i == 0 ? -1 : 1) * spread), ["y"] = cy, ["id"] = i + 1 }).ToArray(),
            });
        await TouchAsync("touchStart", 40, 40);
        foreach (var spread in new[] { 60, 80, 100, 120 })
        {
            await TouchAsync("touchMove", spread, spread);
        }

        await TouchAsync("touchEnd");
        await Expect(viewer.Locator("[data-zoom-level]")).ToHaveTextAsync("450%");
        await page.Mouse.MoveAsync((float)cx, (float)cy);
        await page.Mouse.WheelAsync(0, 100);
        await Expect(viewer.Locator("[data-zoom-level]")).ToHaveTextAsync("360%");
        await Screenshots.SaveAsync(page, "screenshot-zoom-phone");
        await page.GoBackAsync();
        await Expect(viewer).ToBeHiddenAsync();
        Assert.Equal(manualUrl, page.Url);

        // 印刷 on the phone: paper gets the full picture, loaded before the print dialog opens.
        await page.EvaluateAsync("() => { window.print = () => { window.printedWidths = [...document.querySelectorAll('article img')].map((i) => i.complete ? i.naturalWidth : 0); }; }");
        await manual.PrintButton.ClickAsync();
        await page.WaitForFunctionAsync("() => window.printedWidths !== undefined");
        var printedWidths = await page.EvaluateAsync<int[]>("() => window.printedWidths");
        Assert.Equal([1600], printedWidths);
        Assert.Matches("/images/[0-9a-f]{64}$", await screenshot.EvaluateAsync<string>("i => i.currentSrc"));

        // From the keyboard in step mode: Enter opens, → does not turn the page while open, Esc closes.
        await page.SetViewportSizeAsync(1280, 900);
        await manual.OpenStepModeAsync();
        var stepUrl = page.Url;
        var stepOpen = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^画像を拡大して表示") });
        await stepOpen.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(viewer).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Escape");
        await Expect(viewer).ToBeHiddenAsync();
        await Expect(stepOpen).ToBeFocusedAsync();
        Assert.Equal(stepUrl, page.Url);
        await Expect(page.Locator("#step-title")).ToContainTextAsync("申請フォームを開く");
    }

    [Fact]
    public async Task Redaction_DraggedOverAScreenshot_StoresOnlyThePixelatedPicture()
    {
        await using var context = await browser.NewContextAsync();
        var (page, editor, cardImage) = await NewManualWithScreenshotAsync(context, "口座番号を隠したスクリーンショット", "振込先を確認する");
        var original = await cardImage.GetAttributeAsync("src");

        await editor.Card(1).GetByRole(AriaRole.Button, new() { Name = "隠す（モザイク・ぼかし）" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "画像の一部を隠す" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "隠して保存" })).ToBeDisabledAsync();
        // Drag over the text 「申請フォーム」 (x 80–560, y 370–470 of 1600 × 900).
        var picture = dialog.Locator(".redact-dialog__picture img");
        var box = (await picture.BoundingBoxAsync())!;
        var scale = box.Width / 1600;
        await page.Mouse.MoveAsync(box.X + (60 * scale), box.Y + (350 * scale));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (300 * scale), box.Y + (420 * scale), new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + (600 * scale), box.Y + (490 * scale), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Expect(dialog.Locator(".redact-dialog__box")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "screenshot-redact-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "隠して保存" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(editor.Announcement).ToHaveTextAsync("画像の一部を隠しました。");
        await Expect(cardImage).Not.ToHaveAttributeAsync("src", original!);
        var redacted = await cardImage.GetAttributeAsync("src");
        Assert.Equal(404, (await context.APIRequest.GetAsync(original!)).Status);
        await editor.SaveButton.ClickAsync();
        var manual = await ManualPage.ShownAsync(page, "口座番号を隠したスクリーンショット");
        await Expect(manual.Article.GetByRole(AriaRole.Img).First).ToHaveAttributeAsync("src", redacted!);

        // In the stored picture the text's area is blocks of one colour; the rest is as pasted.
        await AssertHiddenAlongRowAsync(context, redacted!, 440, 100, 500);
    }

    [Fact]
    public async Task Annotations_DrawnOnAScreenshot_AreShownOverItOnThePageOnAPhoneInPrintAndInStepMode_AndStayEditable()
    {
        await using var context = await browser.NewContextAsync();
        var (page, editor, cardImage) = await NewManualWithScreenshotAsync(context, "書き込みのあるスクリーンショット", "申請フォームを開く");

        await editor.Card(1).GetByRole(AriaRole.Button, new() { Name = "書き込み（囲み・矢印・番号）" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "画像に書き込む" });
        await Expect(dialog).ToBeVisibleAsync();
        var stage = dialog.Locator(".annotate-dialog__picture svg");
        var box = (await stage.BoundingBoxAsync())!;
        var scale = box.Width / 1600;
        async Task DragAsync(double x1, double y1, double x2, double y2)
        {
            await page.Mouse.MoveAsync((float)(box.X + (x1 * scale)), (float)(box.Y + (y1 * scale)));
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync((float)(box.X + (x2 * scale)), (float)(box.Y + (y2 * scale)), new() { Steps = 6 });
            await page.Mouse.UpAsync();
        }

        // A red box around 「申請フォーム」, a blue arrow pointing at it, then marker ① beside it.
        await DragAsync(60, 360, 600, 480);
        await dialog.GetByLabel("青").CheckAsync();
        await dialog.GetByLabel("矢印", new() { Exact = true }).CheckAsync();
        await DragAsync(1100, 150, 650, 400);
        await dialog.GetByLabel("赤").CheckAsync();
        await dialog.GetByLabel("番号").CheckAsync();
        await page.Mouse.ClickAsync(box.X + (640 * scale), box.Y + (330 * scale));
        await Expect(stage.Locator("[data-mark]")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "screenshot-annotate-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "完了" }).ClickAsync();

        var cardMarks = editor.Card(1).Locator(".annotated-image svg");
        await Expect(cardMarks.Locator("rect")).ToHaveCountAsync(1);
        await Expect(cardMarks.Locator("circle")).ToHaveCountAsync(1);
        await editor.SaveButton.ClickAsync();
        var manual = await ManualPage.ShownAsync(page, "書き込みのあるスクリーンショット");

        var marks = manual.Article.Locator(".annotated-image svg");
        await Expect(marks.Locator("rect")).ToHaveCountAsync(1);
        await Expect(marks.Locator("line")).ToHaveCountAsync(1);
        await Expect(marks.Locator("text")).ToHaveTextAsync("1");
        await AssertOverThePictureAsync(manual.Article);
        await page.SetViewportSizeAsync(390, 844);
        await AssertOverThePictureAsync(manual.Article);
        await Screenshots.SaveAsync(page, "screenshot-annotated-phone");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(marks).ToBeVisibleAsync();
        await AssertOverThePictureAsync(manual.Article);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1280, 900);
        await manual.OpenStepModeAsync();
        await Expect(page.Locator("[data-step-mode] .annotated-image svg rect")).ToHaveCountAsync(1);
        await page.GoBackAsync();

        // Editable later: the box is selected and deleted; the arrow and the marker stay.
        await new ManualPage(page).EditLink.ClickAsync();
        editor = await StepEditorPage.ReadyAsync(page);
        await editor.Card(1).GetByRole(AriaRole.Button, new() { Name = "書き込み（囲み・矢印・番号）" }).ClickAsync();
        await Expect(stage.Locator("[data-mark]")).ToHaveCountAsync(3);
        box = (await stage.BoundingBoxAsync())!;
        scale = box.Width / 1600;
        await dialog.GetByLabel("選択・移動").CheckAsync();
        await page.Mouse.ClickAsync(box.X + (60 * scale), box.Y + (420 * scale));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "選んだものを消す" }).ClickAsync();
        await Expect(stage.Locator("[data-mark]")).ToHaveCountAsync(2);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "完了" }).ClickAsync();
        await editor.SaveButton.ClickAsync();
        manual = await ManualPage.ShownAsync(page, "書き込みのあるスクリーンショット");
        await Expect(manual.Article.Locator(".annotated-image svg rect")).ToHaveCountAsync(0);
        await Expect(manual.Article.Locator(".annotated-image svg line")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AnnotationAndRedaction_FromTheKeyboardAlone_PlaceMoveAndSizeMarksAndAreas()
    {
        await using var context = await browser.NewContextAsync();
        var (page, editor, cardImage) = await NewManualWithScreenshotAsync(context, "キーボードで書き込んだスクリーンショット", "申請フォームを開く");
        var value = editor.Card(1).Locator(".content-part--image [data-part-field=Value]");

        // A box in the middle (400 × 180 of 1600 × 900), made 24 px wider and moved 16 px down (8 px a step), then ①.
        await editor.Card(1).GetByRole(AriaRole.Button, new() { Name = "書き込み（囲み・矢印・番号）" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "画像に書き込む" });
        await Expect(dialog.GetByLabel("囲み")).ToBeFocusedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "中央に置く" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^書き込む画像") })).ToBeFocusedAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Control+ArrowRight");
        }

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await dialog.GetByLabel("番号").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "中央に置く" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "完了" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(value).ToHaveValueAsync(new Regex(@"#ann=1600x900;box:red:600:376:424:180;num:red:800:450:0:1\)$"));

        // An area in the middle (400 × 113), moved and sized with Shift (80 px a step) over 「申請フォーム」.
        await editor.Card(1).GetByRole(AriaRole.Button, new() { Name = "隠す（モザイク・ぼかし）" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var redaction = page.GetByRole(AriaRole.Dialog, new() { Name = "画像の一部を隠す" });
        await redaction.GetByRole(AriaRole.Button, new() { Name = "範囲を追加" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(redaction.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^隠す画像") })).ToBeFocusedAsync();
        foreach (var key in new[] { "Shift+ArrowLeft", "Shift+ArrowLeft", "Shift+ArrowLeft", "Shift+ArrowLeft", "Shift+ArrowLeft", "Shift+ArrowLeft", "Shift+ArrowLeft", "Control+Shift+ArrowRight", "Control+Shift+ArrowRight", "Shift+ArrowUp", "Control+Shift+ArrowDown" })
        {
            await page.Keyboard.PressAsync(key);
        }

        await Screenshots.SaveAsync(page, "screenshot-redact-keyboard");
        await redaction.GetByRole(AriaRole.Button, new() { Name = "隠して保存" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(redaction).ToBeHiddenAsync();
        await Expect(value).ToHaveValueAsync(new Regex(@"^!\[[^\]]*\]\(/images/[0-9a-f]{64}#ann=1600x900;box:red:600:376:424:180;num:red:800:450:0:1\)$"));

        // Columns 40–600 and rows 314–507 are hidden: along row 440 the text is gone.
        await AssertHiddenAlongRowAsync(context, (await cardImage.GetAttributeAsync("src"))!, 440, 60, 580);
    }

    /// <summary>A new manual in the step editor with <paramref name="title"/> and a first step whose screenshot is pasted.</summary>
    private static async Task<(IPage Page, StepEditorPage Editor, ILocator CardImage)> NewManualWithScreenshotAsync(
        IBrowserContext context, string title, string step)
    {
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        await editor.TitleField.FillAsync(title);
        await editor.CardTitle(1).FillAsync(step);
        await editor.CardText(1).EvaluateAsync(PasteScreenshotScript);
        var cardImage = editor.Card(1).GetByRole(AriaRole.Img);
        await Expect(cardImage).ToHaveAttributeAsync("src", ImagePath());
        return (page, editor, cardImage);
    }

    /// <summary>
    /// Along row <paramref name="y"/> from <paramref name="x1"/> to <paramref name="x2"/> the stored picture is blocks of
    /// one colour; its top right (far from the text) is as pasted.
    /// </summary>
    private static async Task AssertHiddenAlongRowAsync(IBrowserContext context, string url, int y, int x1, int x2)
    {
        var stored = await (await context.APIRequest.GetAsync(url)).BodyAsync();
        using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(stored);
        var colours = new HashSet<SixLabors.ImageSharp.PixelFormats.Rgba32>();
        for (var x = x1; x < x2; x++)
        {
            colours.Add(image[x, y]);
        }

        Assert.True(colours.Count <= ((x2 - x1) / 12) + 2, $"{colours.Count} colours along a row of the hidden area: the text is still there");
        Assert.Equal(new SixLabors.ImageSharp.PixelFormats.Rgba32(0xee, 0xf4, 0xfb), image[1000, 100]);
    }

    /// <summary>The marks' SVG covers exactly the picture it belongs to.</summary>
    private static async Task AssertOverThePictureAsync(ILocator article)
    {
        var picture = (await article.Locator(".annotated-image img").BoundingBoxAsync())!;
        var marks = (await article.Locator(".annotated-image svg").BoundingBoxAsync())!;
        Assert.True(picture.Width > 100, $"picture {picture.Width} px wide");
        Assert.Equal(picture.X, marks.X, 1.0);
        Assert.Equal(picture.Y, marks.Y, 1.0);
        Assert.Equal(picture.Width, marks.Width, 1.0);
        Assert.Equal(picture.Height, marks.Height, 1.0);
    }

    [GeneratedRegex("^/images/[0-9a-f]{64}$")]
    private static partial Regex ImagePath();

    [GeneratedRegex(@"^/images/([0-9a-f]{64})\?w=480 480w, /images/\1\?w=960 960w, /images/\1 1600w$")]
    private static partial Regex SourceSet();
}
