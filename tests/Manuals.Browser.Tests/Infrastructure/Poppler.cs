using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>
/// poppler-utils (<c>pdftotext</c>, <c>pdfinfo</c>, <c>pdftoppm</c>) for reading the PDFs the print tests make; a missing
/// tool fails the test with the install step instead of skipping it. Manuals.Web.Tests compiles this file in too
/// (a linked file), for the server-rendered handover PDF.
/// </summary>
public static partial class Poppler
{
    public const string InstallStep = "apt-get install -y poppler-utils (or run ./test.sh)";

    /// <summary>The text of one page (from 1), or of the whole file when <paramref name="page"/> is null, as UTF-8.</summary>
    public static Task<string> TextAsync(string pdf, int? page = null) =>
        RunAsync("pdftotext", page is { } p ? ["-f", $"{p}", "-l", $"{p}", "-enc", "UTF-8", pdf, "-"] : ["-enc", "UTF-8", pdf, "-"]);

    public static async Task<int> PageCountAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", [pdf]);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Each page's size as pdfinfo prints it, e.g. "595 x 842 pts (A4)", first page first.</summary>
    public static async Task<IReadOnlyList<string>> PageSizesAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", ["-f", "1", "-l", $"{int.MaxValue}", pdf]);
        return
        [
            .. info.Split('\n')
                .Where(l => l.StartsWith("Page ", StringComparison.Ordinal) && l.Contains(" size:", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(" size:", StringComparison.Ordinal) + " size:".Length)..].Trim()),
        ];
    }

    /// <summary>Every word on one page (from 1) with its box in points from the page's top left, in drawing order.</summary>
    public static async Task<IReadOnlyList<(string Text, double Left, double Top, double Right, double Bottom)>> WordsAsync(string pdf, int page)
    {
        var html = await RunAsync("pdftotext", ["-bbox", "-f", $"{page}", "-l", $"{page}", "-enc", "UTF-8", pdf, "-"]);
        return
        [
            .. WordPattern().Matches(html).Select(m => (
                WebUtility.HtmlDecode(m.Groups["text"].Value),
                double.Parse(m.Groups["left"].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups["top"].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups["right"].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups["bottom"].Value, CultureInfo.InvariantCulture))),
        ];
    }

    /// <summary>Renders every page to <c>{prefix}-N.png</c> at <paramref name="dpi"/> for a person to look at.</summary>
    public static Task RenderPngsAsync(string pdf, string prefix, int dpi) =>
        RunAsync("pdftoppm", ["-png", "-r", $"{dpi}", pdf, prefix]);

    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        Process process;
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.StandardOutputEncoding = System.Text.Encoding.UTF8;
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} was not found. Install it: {InstallStep}.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
            }

            return await output;
        }
    }

    [GeneratedRegex("""<word xMin="(?<left>[0-9.]+)" yMin="(?<top>[0-9.]+)" xMax="(?<right>[0-9.]+)" yMax="(?<bottom>[0-9.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex WordPattern();
}
