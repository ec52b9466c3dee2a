using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class StepModeTests(BrowserFixture browser)
{
    private const string Title = "月次決算の手順";
    private const string Department = "経理・財務";

    [Fact]
    public async Task StepMode_KeysAndLinks_GoThroughEveryStepToDone()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var list = await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await list.ShowDepartmentAsync(Department);
        var manual = await list.OpenManualAsync(Title);
        await Expect(manual.Step("預金残高の照合")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "manual-step-cards");

        var steps = await manual.OpenStepModeAsync();
        await steps.ExpectStepAsync(1, 9, "預金残高の照合");
        await Expect(steps.Previous).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "steps-first");

        await steps.PressAsync("ArrowRight");
        await steps.ExpectStepAsync(2, 9, "売上・売掛金の確定");
        await Expect(steps.StepHeading).ToBeFocusedAsync();
        await steps.PressAsync("ArrowLeft");
        await steps.ExpectStepAsync(1, 9, "預金残高の照合");
        await Expect(steps.StepHeading).ToBeFocusedAsync();

        await steps.Next.ClickAsync();
        await steps.ExpectStepAsync(2, 9, "売上・売掛金の確定");
        await steps.Next.ClickAsync();
        await steps.ExpectStepAsync(3, 9, "仕入・経費の計上");
        await Expect(steps.StepHeading).ToBeFocusedAsync();
        await steps.Previous.ClickAsync();
        await steps.ExpectStepAsync(2, 9, "売上・売掛金の確定");
        await steps.PressAsync("PageDown");
        await steps.ExpectStepAsync(3, 9, "仕入・経費の計上");

        // → while an IME is composing (choosing a kanji) belongs to the IME: the page must not react at all.
        var ignored = await page.EvaluateAsync<bool>("""
            () => {
              const key = new KeyboardEvent('keydown', { key: 'ArrowRight', isComposing: true, bubbles: true, cancelable: true });
              return document.body.dispatchEvent(key) && sessionStorage.getItem('manuals.steps.focusHeading') === null;
            }
            """);
        Assert.True(ignored, "An arrow key during IME composition navigated.");
        await steps.ExpectStepAsync(3, 9, "仕入・経費の計上");

        await steps.PressAsync("End");
        await steps.ExpectStepAsync(9, 9, "経営会議資料の作成");
        await Expect(steps.Next).ToHaveCountAsync(0);
        await Expect(steps.Finish).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "steps-last");

        await steps.PressAsync("ArrowRight");
        await Expect(page).ToHaveURLAsync(new Regex("/steps/complete$"));
        await Expect(steps.StepHeading).ToHaveTextAsync(new Regex("すべての手順を確認しました"));
        await Expect(page.GetByText("9 / 9", new() { Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "steps-complete");

        await steps.PressAsync("Home");
        await steps.ExpectStepAsync(1, 9, "預金残高の照合");
        await steps.Next.ClickAsync();
        await steps.ExpectStepAsync(2, 9, "売上・売掛金の確定");
        await steps.BackToList.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/manuals/\d+#step-2$"));
        manual = await ManualPage.ShownAsync(page, Title);
        await Expect(manual.Step("売上・売掛金の確定")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task StepMode_PhoneWidth_FitsScreenAndSwipesBetweenSteps()
    {
        await using var signedOut = await browser.NewContextAsync();
        await using var context = await signedOut.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            HasTouch = true,
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        var list = await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await list.ShowDepartmentAsync(Department);
        var steps = await (await list.OpenManualAsync(Title)).OpenStepModeAsync();
        await steps.ExpectStepAsync(1, 9, "預金残高の照合");

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The step page scrolls sideways at 390 px.");
        var next = await steps.Next.BoundingBoxAsync();
        Assert.True(next is { Height: >= 44, Width: >= 120 }, $"次へ is too small to tap: {next?.Width}×{next?.Height}.");
        await Screenshots.SaveAsync(page, "steps-phone");

        await SwipeAsync(steps, -150);
        await steps.ExpectStepAsync(2, 9, "売上・売掛金の確定");
        await SwipeAsync(steps, -150);
        await steps.ExpectStepAsync(3, 9, "仕入・経費の計上");
        await SwipeAsync(steps, 150);
        await steps.ExpectStepAsync(2, 9, "売上・売掛金の確定");
        await Expect(steps.StepHeading).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "steps-phone-after-swipe");
    }

    /// <summary>A one-finger horizontal swipe across the step; negative <paramref name="dx"/> is right to left.</summary>
    private static async Task SwipeAsync(StepModePage steps, int dx) =>
        await steps.StepHeading.EvaluateAsync(
            """
            (element, dx) => {
              const at = (x) => new Touch({ identifier: 1, target: element, clientX: x, clientY: 300 });
              element.dispatchEvent(new TouchEvent('touchstart', { touches: [at(200)], changedTouches: [at(200)], bubbles: true }));
              element.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [at(200 + dx)], bubbles: true }));
            }
            """,
            dx);
}
