using System.Diagnostics;
using System.Text;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>Runs the built app in its own process, as a user would from a shell, and collects what it printed.</summary>
public static class AppProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Starts the app (as <see cref="AppCommand.Built"/> unless <paramref name="command"/> says otherwise, e.g. as a
    /// systemd unit would); the caller reads its output and ends it. It listens on a free loopback port unless
    /// <paramref name="onFreePort"/> is false: then only the given arguments and settings say where (ListenAddressTests).
    /// </summary>
    public static Process Start(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, AppCommand? command = null, bool onFreePort = true)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);

        command ??= AppCommand.Built;
        var start = new ProcessStartInfo(command.Program)
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Arguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Whatever the machine's own environment says, the test decides where the app listens.
        foreach (var name in (string[])["Urls", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_CONTENTROOT"])
        {
            start.Environment.Remove(name);
        }

        if (onFreePort)
        {
            start.Environment["Urls"] = "http://127.0.0.1:0";
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }
}
