namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>Full-page screenshots under <c>artifacts/screenshots/</c> (git-ignored), for a person to look at after a run.</summary>
public static class Screenshots
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>The part of the page from the top of <paramref name="first"/> to the bottom of <paramref name="last"/>, full width.</summary>
    public static async Task<string> SaveAreaAsync(IPage page, string name, ILocator first, ILocator last)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(last);
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name + ".png");
        var top = await first.BoundingBoxAsync() ?? throw new InvalidOperationException($"{first} is not visible.");
        var bottom = await last.BoundingBoxAsync() ?? throw new InvalidOperationException($"{last} is not visible.");
        var scrollY = await page.EvaluateAsync<float>("() => window.scrollY");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            FullPage = true,
            Clip = new Clip { X = 0, Y = top.Y + scrollY - 8, Width = page.ViewportSize!.Width, Height = bottom.Y + bottom.Height - top.Y + 16 },
        });
        return file;
    }
}
