using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Manuals.Core.Search;
using Manuals.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace Manuals.Benchmarks;

/// <summary>Latency over HTTP and the server's memory, from one run of the real web app.</summary>
internal sealed record HttpFigures(
    int Queries, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double QueriesPerSecond, double StartSeconds, long RssMb, long HwmMb);

/// <summary>
/// Starts the built web app (src/Manuals.Web, same configuration as this program) on 127.0.0.1 against the benchmark's
/// database, signs in as the first admin and as a Reader of two departments, and times <c>GET /search</c> for the
/// query mix, one request at a time, reading each whole page. Then reads the server's RSS from /proc.
/// </summary>
internal static partial class HttpBench
{
    // The first admin's password when the app creates it in an empty benchmark database (configuration, as documented).
    internal const string AdminPassword = "bench-admin-Passw0rd!";
    private const string ReaderName = "bench.reader";
    private const string ReaderPassword = "bench-reader-Passw0rd!";

    /// <summary>The password the admin sets; the app makes the Reader replace it at the first sign-in.</summary>
    private const string ReaderInitialPassword = "bench-reader-initial";

    public static async Task<HttpFigures> RunAsync(
        SqlEngine engine, string connectionString, string indexPath, BenchOptions options, IReadOnlyList<long> departmentIds, CancellationToken cancellationToken)
    {
        var dll = FindWebApp();
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The project folder, as `dotnet run` uses it: content root with appsettings.json and wwwroot.
            WorkingDirectory = ProjectDirectory(dll),
        };
        startInfo.ArgumentList.Add(dll);
        // Plain `Urls`, not ASPNETCORE_URLS: appsettings.json sets Urls, and only app configuration outranks it.
        startInfo.Environment["Urls"] = baseAddress.ToString();
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Storage__Provider"] = engine == SqlEngine.Postgres ? "Postgres" : "Sqlite";
        startInfo.Environment["ConnectionStrings__Manuals"] = connectionString;
        startInfo.Environment["Search__IndexPath"] = indexPath;
        startInfo.Environment["Manuals__ImportSamplesOnFirstStart"] = "false";
        startInfo.Environment["Manuals__InitialAdminPassword"] = AdminPassword;
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";

        Log($"starting the web app {dll} on {baseAddress}");
        var started = Stopwatch.StartNew();
        using var server = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the web app.");
        var output = new System.Text.StringBuilder();
        server.OutputDataReceived += (_, e) => Append(output, e.Data);
        server.ErrorDataReceived += (_, e) => Append(output, e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            await WaitHealthyAsync(probe, server, output, cancellationToken);
            var startSeconds = started.Elapsed.TotalSeconds;
            Log($"web app answered /readyz after {startSeconds:F1} s");

            using var admin = NewClient(baseAddress);
            await SignInAsync(admin, "admin", AdminPassword, cancellationToken);
            var readerCreated = await EnsureReaderAsync(admin, departmentIds, cancellationToken);
            using var reader = NewClient(baseAddress);
            if (readerCreated)
            {
                await SignInAsync(reader, ReaderName, ReaderInitialPassword, cancellationToken);
                await ChangePasswordAsync(reader, ReaderInitialPassword, ReaderPassword, cancellationToken);
            }
            else
            {
                await SignInAsync(reader, ReaderName, ReaderPassword, cancellationToken);
            }

            foreach (var warm in QueryMix.Create(options.Warmup, options.Seed + 1, departmentIds))
            {
                await GetAsync(warm.AsAdmin ? admin : reader, SearchUrl(warm), cancellationToken);
            }

            // As in process: the measured list once unmeasured first, so the figures are those of a server that has been
            // running (compiled code and per-segment caches warm), as the Lucene harness is measured after its warm-up.
            var queries = QueryMix.Create(options.Queries, options.Seed, departmentIds);
            foreach (var warm in queries)
            {
                await GetAsync(warm.AsAdmin ? admin : reader, SearchUrl(warm), cancellationToken);
            }

            Log("HTTP: a warm pass over the measured queries done");
            var latencies = new List<double>(queries.Count);
            var clock = Stopwatch.StartNew();
            foreach (var query in queries)
            {
                var start = Stopwatch.GetTimestamp();
                await GetAsync(query.AsAdmin ? admin : reader, SearchUrl(query), cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (latencies.Count % Math.Max(1, queries.Count / 10) == 0)
                {
                    Log($"HTTP queried {latencies.Count:N0} / {queries.Count:N0} ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var (rss, hwm) = ReadMemory(server.Id);
            var sorted = latencies.Order().ToArray();
            return new HttpFigures(
                sorted.Length,
                Percentile(sorted, 50),
                Percentile(sorted, 95),
                Percentile(sorted, 99),
                Math.Round(sorted[^1], 2),
                Math.Round(sorted.Length / seconds, 1),
                Math.Round(startSeconds, 1),
                rss,
                hwm);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(CancellationToken.None);
            }

            Log("web app stopped");
        }
    }

    /// <summary>The search page's URL for a benchmark query, with its filters as the form sends them.</summary>
    internal static string SearchUrl(BenchQuery query)
    {
        var request = query.Request;
        var filters = request.Filters;
        var values = new Dictionary<string, string?>
        {
            ["q"] = request.Text,
            ["department"] = filters.DepartmentId?.ToString(CultureInfo.InvariantCulture),
            ["tag"] = filters.Tag,
            ["template"] = filters.Template,
            ["status"] = filters.Status?.ToString(),
            ["from"] = filters.UpdatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sort"] = request.Sort == SearchSort.Updated ? "updated" : null,
            ["page"] = request.Page > 1 ? request.Page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/search", values.Where(v => v.Value is not null));
    }

    private static async Task GetAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("search-form", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}, not the results page.");
        }
    }

    internal static HttpClient NewClient(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    internal static async Task SignInAsync(HttpClient client, string userName, string password, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(client, "/account/sign-in", cancellationToken);
        using var response = await client.PostAsync(
            "/account/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(
                $"Signing in as {userName} answered {(int)response.StatusCode}. An old benchmark database needs the first admin's password {AdminPassword}.");
        }
    }

    /// <summary>Replaces an admin-set password, as the app asks at the first sign-in.</summary>
    internal static async Task ChangePasswordAsync(HttpClient client, string current, string next, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(client, "/account/password", cancellationToken);
        using var response = await client.PostAsync(
            "/account/password",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["CurrentPassword"] = current,
                ["NewPassword"] = next,
                ["ConfirmPassword"] = next,
                ["__RequestVerificationToken"] = token,
            }),
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Changing the Reader's first password answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>
    /// Creates the Reader of the first two departments through the admin pages, unless an earlier run did;
    /// true when it was created now.
    /// </summary>
    private static async Task<bool> EnsureReaderAsync(HttpClient admin, IReadOnlyList<long> departmentIds, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(admin, "/admin/users/new", cancellationToken);
        var form = new List<KeyValuePair<string, string>>
        {
            new("UserName", ReaderName),
            new("DisplayName", "ベンチマーク閲覧者"),
            new("Password", ReaderInitialPassword),
            new("Role", "Reader"),
            new("__RequestVerificationToken", token),
        };
        form.AddRange(departmentIds.Take(2).Select(id => new KeyValuePair<string, string>("DepartmentIds", id.ToString(CultureInfo.InvariantCulture))));
        using var response = await admin.PostAsync("/admin/users/new", new FormUrlEncodedContent(form), cancellationToken);
        // 302: created; 400: the name is taken (an earlier run on a kept database).
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.BadRequest))
        {
            throw new InvalidOperationException($"Creating the Reader answered {(int)response.StatusCode}.");
        }

        return response.StatusCode == HttpStatusCode.Redirect;
    }

    internal static async Task<string> TokenAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        var html = await client.GetStringAsync(url, cancellationToken);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {url}.");
    }

    internal static async Task WaitHealthyAsync(HttpClient probe, Process server, System.Text.StringBuilder output, CancellationToken cancellationToken, int minutes = 3)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(minutes))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with {server.ExitCode}:\n{output}");
            }

            try
            {
                using var response = await probe.GetAsync("/readyz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting (migrations, index catch-up).
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The web app was not ready (/readyz) within {minutes} minutes:\n{output}");
    }

    /// <summary>VmRSS and VmHWM (peak RSS) of the process, in MB.</summary>
    internal static (long RssMb, long HwmMb) ReadMemory(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line) / 1024;
            }
        }

        return (rss, hwm);

        static long Kilobytes(string line) =>
            long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>src/Manuals.Web's built dll in this program's configuration (the project reference builds it).</summary>
    internal static string FindWebApp()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Manuals.sln")))
            {
                var dll = Path.Combine(directory.FullName, "src", "Manuals.Web", "bin", configuration, "net10.0", "Manuals.Web.dll");
                return File.Exists(dll)
                    ? dll
                    : throw new InvalidOperationException($"{dll} not found; build it with `dotnet build -c {configuration} src/Manuals.Web`.");
            }
        }

        throw new InvalidOperationException("Manuals.sln not found above " + AppContext.BaseDirectory + "; run from the repository.");
    }

    /// <summary>src/Manuals.Web from its bin/&lt;configuration&gt;/net10.0/Manuals.Web.dll.</summary>
    internal static string ProjectDirectory(string dll) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", ".."));

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Keep the tail only: enough to explain a failed start.
            if (output.Length > 20_000)
            {
                output.Remove(0, output.Length - 10_000);
            }

            output.AppendLine(line);
        }
    }

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }

    private static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
