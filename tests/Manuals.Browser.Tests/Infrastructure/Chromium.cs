using System.ComponentModel;
using System.Diagnostics;

namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, found on PATH like <c>command -v chromium-headless-shell</c>. Playwright's own browser download is never used,
/// and a missing browser or Japanese font fails the tests with the install step instead of skipping them.
/// </summary>
public static class Chromium
{
    public const string InstallStep = "apt-get install -y chromium-headless-shell fonts-noto-cjk (or run ./test.sh)";

    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    ];

    /// <summary>
    /// Debian's <c>chromium-headless-shell</c> when installed (the same Blink as <c>chromium</c> without the desktop
    /// browser around it: on two cores it takes well under half the CPU for the same pages), else <c>chromium</c>.
    /// </summary>
    public static string FindOnPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var directories = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in (string[])["chromium-headless-shell", "chromium"])
        {
            foreach (var directory in directories)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"Chromium was not found on PATH ({path}). Install it: {InstallStep}.");
    }

    /// <summary>Fails when no Japanese font is installed: pages would still pass but screenshots would show empty boxes.</summary>
    public static async Task EnsureJapaneseFontAsync()
    {
        var fonts = "";
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", [":lang=ja", "family"]) { RedirectStandardOutput = true })!;
            fonts = await fcList.StandardOutput.ReadToEndAsync();
            await fcList.WaitForExitAsync();
        }
        catch (Win32Exception)
        {
            // fc-list itself is missing (fontconfig comes with Chromium); reported below like a missing font.
        }

        if (string.IsNullOrWhiteSpace(fonts))
        {
            throw new InvalidOperationException($"No Japanese font is installed (fc-list :lang=ja found none). Install one: {InstallStep}.");
        }
    }
}
