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
}
