using System.Text.RegularExpressions;

namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/manuals/{id}/steps/{n}</c>: one step of a manual, its progress and 前へ / 次へ / 完了.</summary>
public sealed class StepModePage(IPage page)
{
    /// <summary>The manual's title, on every step.</summary>
    public ILocator ManualTitle => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>「手順 3 仕入・経費の計上」; focused after moving between steps.</summary>
    public ILocator StepHeading => page.GetByRole(AriaRole.Heading, new() { Level = 2 });

    public ILocator ProgressBar => page.GetByRole(AriaRole.Progressbar);

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "手順の移動", Exact = true });

    public ILocator Previous => Navigation.GetByRole(AriaRole.Link, new() { Name = "前へ", Exact = true });

    public ILocator Next => Navigation.GetByRole(AriaRole.Link, new() { Name = "次へ", Exact = true });

    public ILocator Finish => Navigation.GetByRole(AriaRole.Link, new() { Name = "完了", Exact = true });

    public ILocator BackToList => page.GetByRole(AriaRole.Link, new() { Name = "一覧に戻る", Exact = true });

    public static async Task<StepModePage> ShownAsync(IPage page, string manualTitle)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page).ToHaveURLAsync(new Regex(@"/manuals/\d+/steps(/\d+|/complete)?$"));
        var steps = new StepModePage(page);
        await Expect(steps.ManualTitle).ToHaveTextAsync(manualTitle);
        return steps;
    }

    /// <summary>Checks that step <paramref name="number"/> of <paramref name="count"/> is shown: text 「2 / 9」, the bar, the URL.</summary>
    public async Task ExpectStepAsync(int number, int count, string title)
    {
        var progress = $"{number} / {count}";
        await Expect(page).ToHaveURLAsync(new Regex($@"/steps/{number}$"));
        await Expect(page.GetByText(progress, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(ProgressBar).ToHaveAccessibleNameAsync($"進み具合: {progress}");
        await Expect(ProgressBar).ToHaveAttributeAsync("value", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(StepHeading).ToContainTextAsync($"手順 {number}");
        await Expect(StepHeading).ToContainTextAsync(title);
    }

    /// <summary>Presses a key on the page (not in a field), like a reader using the keyboard.</summary>
    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);
}
