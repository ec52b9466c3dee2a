using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Manuals.Data.Tests.Infrastructure;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Manuals.Web.Tests.Hosting;

/// <summary>
/// The built app, started as a process each way the README gives, listens where that way says: nothing set,
/// <c>Urls</c> in appsettings.json, <c>ASPNETCORE_URLS</c>, the <c>Urls</c> variable and <c>--urls</c>, each over the
/// ones below it (command line, then environment, then appsettings, then the default).
/// </summary>
[LongRunning(70)]
public sealed class ListenAddressTests : IDisposable
{
    private const string Banner = "業務マニュアルを起動しました: ";

    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-urls-").FullName;

    [Fact]
    [ProvesSetting("Urls")]
    public async Task Start_NothingSet_ListensOnLoopbackPort5080()
    {
        var (address, output) = await StartAsync([], Settings());

        // Someone may be running the app on this machine: then the app's choice shows in the bind failure instead.
        if (address is null)
        {
            Assert.Contains("http://127.0.0.1:5080: address already in use", output, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(new Uri("http://127.0.0.1:5080/"), address);
    }

    [Fact]
    [ProvesSetting("Urls")]
    public async Task Start_UrlsInAppsettings_ListensThere()
    {
        var fromFile = FreeAddress();

        var (address, output) = await StartAsync([], Settings(contentRootUrls: fromFile));

        Assert.True(fromFile == address, output);
    }

    [Fact]
    [ProvesSetting("Urls")]
    [ProvesSetting("Storage:Provider")]
    [ProvesSetting("ConnectionStrings:Manuals")]
    [ProvesSetting("Manuals:InitialAdminPassword")]
    public async Task Start_AspNetCoreUrlsAndPostgresByEnvironment_ListensThereOverAppsettingsAndAdminSignsIn()
    {
        var cluster = await PostgresCluster.GetSharedAsync();
        var database = await cluster.CreateDatabaseAsync();
        var fromEnvironment = FreeAddress();
        var settings = Settings(contentRootUrls: FreeAddress());
        settings["ASPNETCORE_URLS"] = Text(fromEnvironment);
        settings["Storage__Provider"] = "Postgres";
        settings["ConnectionStrings__Manuals"] = database;
        settings["Manuals__InitialAdminPassword"] = "a-password-chosen-before-the-first-start";

        var (address, output) = await StartAsync([], settings, async client =>
        {
            // The chosen first password signs in and need not be changed.
            var session = new WebSession(client);
            var signIn = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
                new() { ["UserName"] = "admin", ["Password"] = "a-password-chosen-before-the-first-start" });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var (manuals, _) = await session.GetAsync("/manuals");
            Assert.Equal(HttpStatusCode.OK, manuals.StatusCode);
        });

        Assert.True(fromEnvironment == address, output);
        // The admin is in the PostgreSQL database named by the connection string.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM users WHERE user_name = 'admin'", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    [ProvesSetting("Urls")]
    public async Task Start_UrlsVariable_ListensThereOverAspNetCoreUrlsAndAppsettings()
    {
        var fromVariable = FreeAddress();
        var settings = Settings(contentRootUrls: FreeAddress());
        settings["ASPNETCORE_URLS"] = Text(FreeAddress());
        settings["Urls"] = Text(fromVariable);

        var (address, output) = await StartAsync([], settings);

        Assert.True(fromVariable == address, output);
    }

    [Fact]
    [ProvesSetting("Urls")]
    public async Task Start_UrlsArgument_ListensThereOverEnvironmentAndAppsettings()
    {
        var fromArgument = FreeAddress();
        var settings = Settings(contentRootUrls: FreeAddress());
        settings["ASPNETCORE_URLS"] = Text(FreeAddress());
        settings["Urls"] = Text(FreeAddress());

        var (address, output) = await StartAsync(["--urls", Text(fromArgument)], settings);

        Assert.True(fromArgument == address, output);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// A database of this class, no samples, and, with <paramref name="contentRootUrls"/>, a content root whose
    /// appsettings.json is the app's own plus that <c>Urls</c>.
    /// </summary>
    private Dictionary<string, string> Settings(Uri? contentRootUrls = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["ConnectionStrings__Manuals"] = $"Data Source={Path.Combine(_directory, "manuals.db")}",
            ["Search__IndexPath"] = Path.Combine(_directory, "index-" + Guid.NewGuid().ToString("N")),
            ["Manuals__ImportSamplesOnFirstStart"] = "false",
        };
        if (contentRootUrls is not null)
        {
            var contentRoot = Directory.CreateDirectory(Path.Combine(_directory, "content-" + Guid.NewGuid().ToString("N"))).FullName;
            var appSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(ManualsAppFactory.RepositoryRoot, "src", "Manuals.Web", "appsettings.json")))!;
            appSettings["Urls"] = Text(contentRootUrls);
            File.WriteAllText(Path.Combine(contentRoot, "appsettings.json"), appSettings.ToJsonString());
            settings["ASPNETCORE_CONTENTROOT"] = contentRoot;
        }

        return settings;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    private static Uri FreeAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    /// <summary>How the address is written in a setting: no trailing slash.</summary>
    private static string Text(Uri address) => address.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// Starts the app, waits for the address it prints, checks that it answers <c>/healthz</c> there, runs
    /// <paramref name="use"/> against it, and stops it. The address is null when the app exited instead.
    /// </summary>
    private static async Task<(Uri? Address, string Output)> StartAsync(
        string[] arguments, Dictionary<string, string> settings, Func<HttpClient, Task>? use = null)
    {
        using var process = AppProcess.Start(arguments, settings, onFreePort: false);
        var output = new StringBuilder();
        var errors = process.StandardError.ReadToEndAsync();
        Uri? address = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (address is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.StartsWith(Banner, StringComparison.Ordinal))
                {
                    address = new Uri(line[Banner.Length..].Split(' ')[0] + "/");
                }
            }

            if (address is not null)
            {
                using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
                using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                if (use is not null)
                {
                    await use(client);
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            output.Append(await errors);
        }

        return (address, output.ToString());
    }
}
