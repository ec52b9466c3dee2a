using System.ComponentModel;
using System.Diagnostics;

namespace Manuals.Web.Shared;

/// <summary>
/// Prints an HTML document to PDF with the machine's Chromium (Debian's <c>chromium</c> package), the same engine and
/// the same print stylesheet as the browser's own Print, so a downloaded PDF looks exactly like a printed page and its
/// Japanese text is real text. The document is our own server-rendered HTML written to a private temporary folder;
/// Chromium runs headless with a throw-away profile; the document itself forbids scripts and every fetch with a
/// Content-Security-Policy (turning scripts off in Chromium would also stop it printing).
/// Configuration: <c>Pdf:Chromium</c> (a path); otherwise <c>chromium-headless-shell</c> (Debian's package of the same
/// engine without the desktop browser: a PDF in about half the time), <c>chromium</c>, <c>chromium-browser</c> or
/// <c>google-chrome</c> on the PATH.
/// </summary>
public sealed partial class ChromiumPdf(IConfiguration configuration, ILogger<ChromiumPdf> logger)
{
    public const string Setting = "Pdf:Chromium";

    private static readonly string[] Candidates = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether a Chromium to print with was found.</summary>
    public bool IsAvailable => Executable() is not null;

    /// <summary>The PDF of <paramref name="html"/>; throws <see cref="PdfUnavailableException"/> when Chromium is missing or fails.</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var executable = Executable() ?? throw new PdfUnavailableException("Chromium was not found. Install Debian's chromium package or set " + Setting + ".");
        var folder = Directory.CreateTempSubdirectory("manuals-pdf-");
        try
        {
            var document = Path.Combine(folder.FullName, "document.html");
            var pdf = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllTextAsync(document, html, cancellationToken);
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in Arguments(folder.FullName, document, pdf))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PdfUnavailableException("Chromium did not start.");
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                LogChromiumFailed(logger, process.ExitCode, await error);
                throw new PdfUnavailableException($"Chromium exited with {process.ExitCode}.");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new PdfUnavailableException("Chromium could not be started: " + e.Message, e);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Arguments(string profile, string document, string pdf)
    {
        yield return "--headless";
        yield return "--disable-gpu";
        // The sandbox needs user namespaces that containers and root often lack; the page is our own HTML with scripts off.
        yield return "--no-sandbox";
        yield return "--no-first-run";
        yield return "--disable-background-networking";
        yield return "--disable-component-update";
        yield return "--disable-sync";
        yield return "--disable-extensions";
        yield return "--no-pdf-header-footer";
        yield return $"--user-data-dir={profile}";
        yield return $"--print-to-pdf={pdf}";
        yield return new Uri(document).AbsoluteUri;
    }

    private string? Executable()
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return Candidates
            .SelectMany(name => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium exited with {ExitCode} while printing a PDF: {Error}")]
    private static partial void LogChromiumFailed(ILogger logger, int exitCode, string error);
}
