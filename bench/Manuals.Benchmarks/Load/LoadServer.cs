using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Manuals.Data;

namespace Manuals.Benchmarks.Load;

/// <summary>
/// The built web app (src/Manuals.Web, Release) as its own process on 127.0.0.1, in Production, on the generated database
/// and an index folder of its own; it builds or catches up that index before <c>/readyz</c> answers. Samples the
/// process's resident memory while it runs.
/// </summary>
internal sealed partial class LoadServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _peakSampledMb;

    private LoadServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _sampler = SampleAsync(_sampling.Token);
    }

    public Uri BaseAddress { get; }

    /// <summary>Seconds from the start to the first 200 from <c>/readyz</c>.</summary>
    public double ReadySeconds { get; private set; }

    /// <summary>The highest VmRSS seen by the twice-a-second sampling.</summary>
    public long PeakSampledMb => Interlocked.Read(ref _peakSampledMb);

    public static async Task<LoadServer> StartAsync(SqlEngine engine, string connectionString, string indexPath, CancellationToken cancellationToken)
    {
        var dll = HttpBench.FindWebApp();
        var baseAddress = new Uri($"http://127.0.0.1:{HttpBench.FreePort()}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The project folder, as `dotnet run` uses it: content root with appsettings.json and wwwroot.
            WorkingDirectory = HttpBench.ProjectDirectory(dll),
        };
        startInfo.ArgumentList.Add(dll);
        startInfo.Environment["Urls"] = baseAddress.ToString();
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Storage__Provider"] = engine == SqlEngine.Postgres ? "Postgres" : "Sqlite";
        startInfo.Environment["ConnectionStrings__Manuals"] = connectionString;
        startInfo.Environment["Search__IndexPath"] = indexPath;
        startInfo.Environment["Manuals__ImportSamplesOnFirstStart"] = "false";
        startInfo.Environment["Manuals__InitialAdminPassword"] = HttpBench.AdminPassword;
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";

        LoadBench.Log($"starting the web app {dll} on {baseAddress}");
        var clock = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the web app.");
        var server = new LoadServer(process, baseAddress);
        try
        {
            using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            // Building the index of 100,000 manuals at the first start takes minutes on two shared cores.
            await HttpBench.WaitHealthyAsync(probe, process, server._output, cancellationToken, minutes: 20);
            server.ReadySeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
            LoadBench.Log($"web app answered /readyz after {server.ReadySeconds:F1} s");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>VmRSS and VmHWM (the kernel's peak RSS of the process) now, in MB.</summary>
    public (long RssMb, long HwmMb) Memory() => HttpBench.ReadMemory(_process.Id);

    /// <summary>The tail of the server's output, to explain an error.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>
    /// The exceptions the server logged (its JSON console log), counted by type and message with the app's frame that
    /// threw: "34× Npgsql.PostgresException (0x80004005): 40P01: deadlock detected at Manuals.Data.Reading.RecentViewStore.RecordAsync".
    /// </summary>
    public IReadOnlyList<string> ErrorSummary() =>
        _errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value}× {e.Key}").ToList();

    private void Read(string? line)
    {
        HttpBench.Append(_output, line);
        if (line is not null && ExceptionPattern().Match(line) is { Success: true } exception)
        {
            var frame = FramePattern().Match(line);
            var key = exception.Groups["what"].Value + (frame.Success ? " at " + frame.Groups["frame"].Value : "");
            _errors.AddOrUpdate(key, 1, (_, count) => count + 1);
        }
    }

    /// <summary>A signed-in session: the cookie header to send, and the antiforgery token of its forms.</summary>
    public async Task<Session> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);
        await HttpBench.SignInAsync(client, userName, password, cancellationToken);
        var token = await HttpBench.TokenAsync(client, "/account/password", cancellationToken);
        return new Session(cookies.GetCookieHeader(BaseAddress), token);
    }

    /// <summary>
    /// Signs in as the user, creating them through the admin pages first when an earlier run has not (and replacing the
    /// admin-set password, as the app asks at the first sign-in).
    /// </summary>
    public async Task<Session> EnsureUserAsync(
        Session admin, string userName, string role, IEnumerable<long> departmentIds, CancellationToken cancellationToken)
    {
        var password = userName + "-Passw0rd!";
        var initial = userName + "-initial";
        var form = new List<KeyValuePair<string, string>>
        {
            new("UserName", userName),
            new("DisplayName", "負荷試験 " + userName),
            new("Password", initial),
            new("Role", role),
            new("__RequestVerificationToken", admin.Token),
        };
        form.AddRange(departmentIds.Select(id => new KeyValuePair<string, string>("DepartmentIds", id.ToString(CultureInfo.InvariantCulture))));
        // The admin's cookies as wrk sends them: a plain header, not a cookie container.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/users/new") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", admin.Cookie);
        using var response = await client.SendAsync(request, cancellationToken);
        // 302: created; 400: the name is taken (an earlier run on a kept database).
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var cookies = new CookieContainer();
            using var first = Client(cookies);
            await HttpBench.SignInAsync(first, userName, initial, cancellationToken);
            await HttpBench.ChangePasswordAsync(first, initial, password, cancellationToken);
        }
        else if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException($"Creating {userName} answered {(int)response.StatusCode}.");
        }

        return await SignInAsync(userName, password, cancellationToken);
    }

    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async ValueTask DisposeAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        _sampling.Dispose();
        LoadBench.Log("web app stopped");
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_process.HasExited)
                {
                    return;
                }

                var (rss, _) = Memory();
                if (rss > Interlocked.Read(ref _peakSampledMb))
                {
                    Interlocked.Exchange(ref _peakSampledMb, rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the server.
        }
        catch (IOException)
        {
            // The process went away between the check and the read.
        }
    }

    // The app logs JSON to the console: "Exception":"Type: message\n   at …" (the first line ends at the escaped newline).
    [GeneratedRegex(@"""Exception"":""(?<what>[^\\""]+)")]
    private static partial Regex ExceptionPattern();

    [GeneratedRegex(@"at (?<frame>Manuals\.[A-Za-z0-9_.]+)")]
    private static partial Regex FramePattern();

    /// <summary>What wrk sends to be this user: the Cookie header and the form token.</summary>
    internal sealed record Session(string Cookie, string Token);
}
