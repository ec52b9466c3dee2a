using System.Diagnostics;
using System.Net;
using System.Text;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>
/// One web node: the built app in its own process (<see cref="AppProcess"/>) on a free port, with its address read
/// from what it prints at start-up. Its output is drained all along (a full pipe would stall the app) and kept for
/// failure messages. <see cref="Kill"/> ends it like a power cut: SIGKILL, no shutdown code runs.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-node-tests";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly Task _errors;

    private AppNode(Process process, Uri address, StringBuilder output, Task errors)
    {
        _process = process;
        Address = address;
        _output = output;
        _errors = errors;
    }

    public Uri Address { get; }

    /// <summary>Everything the process printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The settings every node test starts from: this database and index folder, a known admin password, no sample
    /// import, and no sign-in limit (tests sign in again after each restart).
    /// </summary>
    public static Dictionary<string, string> Settings(string provider, string connectionString, string indexPath) => new()
    {
        ["Storage__Provider"] = provider,
        ["ConnectionStrings__Manuals"] = connectionString,
        ["Search__IndexPath"] = indexPath,
        ["Manuals__InitialAdminPassword"] = AdminPassword,
        ["Manuals__ImportSamplesOnFirstStart"] = "false",
        ["Manuals__SignIn__PermitLimit"] = "100000",
    };

    /// <summary>
    /// Starts the app (as <paramref name="command"/> says, by default the built app) and returns once it listens; throws
    /// with its output when it exits or stays silent.
    /// </summary>
    public static async Task<AppNode> StartAsync(IReadOnlyDictionary<string, string> environment, AppCommand? command = null)
    {
        var process = AppProcess.Start([], environment, command);
        var output = new StringBuilder();
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        });
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }

                if (line.StartsWith("業務マニュアルを起動しました: ", StringComparison.Ordinal))
                {
                    var node = new AppNode(process, new Uri(line.Split(' ')[1]), output, errors);
                    node.DrainOutput();
                    return node;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below with what it printed.
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await errors;
        process.Dispose();
        throw new InvalidOperationException("The app did not start:\n" + output);
    }

    /// <summary>A cookie-keeping client of this node that does not follow redirects.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Address };

    /// <summary>Waits until <c>/readyz</c> says <c>Healthy</c> (the search index has caught up once).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < timeout)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK && last.EndsWith("Healthy", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"/readyz of {Address} still answered '{last}' after {timeout}.\n{Output}");
    }

    /// <summary>Signs in; a user an admin created must then replace the password, which this does when asked.</summary>
    public async Task<WebSession> SignInAsync(string userName, string password, string? newPassword = null)
    {
        var session = new WebSession(CreateClient());
        await session.SignInAsync(userName, password, newPassword);
        return session;
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _errors;
        _process.Dispose();
    }

    private void DrainOutput() =>
        _ = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        });
}
