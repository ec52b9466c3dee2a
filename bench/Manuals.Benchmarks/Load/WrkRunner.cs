using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Manuals.Benchmarks.Load;

/// <summary>What wrk reported for one request type.</summary>
internal sealed record WrkFigures(
    string Type,
    int Connections,
    long Requests,
    double Seconds,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Errors,
    string ErrorDetail,
    bool Wrapped);

/// <summary>One wrk process to run: a request type at a number of connections, from an offset in its list.</summary>
internal sealed record WrkJob(RequestType Type, int Connections, int Offset = 0);

/// <summary>
/// Runs Debian's wrk, one process per request type, all at once for the same duration (wrk's Lua cannot attribute
/// latency per type inside one process), with Load/mix.lua, and reads each process's <c>WRK-JSON</c> line.
/// </summary>
internal static class WrkRunner
{
    public const string InstallHint = "wrk is missing: install it with `apt-get install -y wrk` (Debian's package), then run again.";

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "wrk")));

    public static async Task<IReadOnlyList<WrkFigures>> RunAsync(Uri baseAddress, IReadOnlyList<WrkJob> jobs, int seconds, CancellationToken cancellationToken)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Load", "mix.lua");
        var runs = jobs.Select(job => RunOneAsync(script, baseAddress, job, seconds, cancellationToken)).ToList();
        return await Task.WhenAll(runs);
    }

    private static async Task<WrkFigures> RunOneAsync(string script, Uri baseAddress, WrkJob job, int seconds, CancellationToken cancellationToken)
    {
        // One wrk thread per 32 connections: the two cores are the server's, and wrk's threads take from them too.
        var threads = Math.Max(1, job.Connections / 32);
        var startInfo = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", job.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "10s",
            "-s", script,
            baseAddress.ToString().TrimEnd('/'),
            "--",
            job.Type.ListFile,
            job.Type.Cookie,
            job.Type.ExpectedStatus.ToString(CultureInfo.InvariantCulture),
            job.Type.ExpectedLocation.Length == 0 ? "-" : job.Type.ExpectedLocation,
            job.Offset.ToString(CultureInfo.InvariantCulture),
            threads.ToString(CultureInfo.InvariantCulture),
        })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("WRK-JSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk ({job.Type.Name}) printed no figures, exit {process.ExitCode}:\n{await output}\n{await errors}");
        using var json = JsonDocument.Parse(line["WRK-JSON ".Length..]);
        var r = json.RootElement;
        long Value(string name) => r.GetProperty(name).GetInt64();
        var requests = Value("requests");
        var duration = Value("durationUs") / 1e6;
        var unexpected = Value("unexpected");
        var socket = Value("connect") + Value("read") + Value("write") + Value("timeout");
        var detail = (unexpected > 0 ? $"{unexpected} answered {r.GetProperty("firstUnexpected").GetString()}…" : "")
            + (socket > 0 ? $" connect {Value("connect")}, read {Value("read")}, write {Value("write")}, timeout {Value("timeout")}" : "");
        return new WrkFigures(
            job.Type.Name,
            job.Connections,
            requests,
            Math.Round(duration, 1),
            Math.Round(requests / duration, 1),
            Ms(Value("p50Us")),
            Ms(Value("p95Us")),
            Ms(Value("p99Us")),
            Ms(Value("maxUs")),
            unexpected + socket,
            detail.Trim(),
            Value("wrapped") != 0);
    }

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 1);
}
