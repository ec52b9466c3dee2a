using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel, listening on 127.0.0.1 at a port the OS picks, with a fresh SQLite database in a
/// temp folder, the repository's sample manuals and a known admin password. Everything is set through configuration;
/// start-up (migrations, first admin, samples) runs in Program.cs exactly as in production.
/// </summary>
public sealed class ManualsAppFactory : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "browser-tests-admin-password";

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("manuals-browser-tests-");

    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Settings over the defaults below, e.g. a company sign-in provider.</param>
    public ManualsAppFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>; valid after <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/>.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.Single());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Manuals"] = $"Data Source={Path.Combine(_dataDirectory.FullName, "manuals.db")}",
            ["Manuals:InitialAdminPassword"] = AdminPassword,
            ["Manuals:SamplesPath"] = Path.Combine(RepositoryRoot.Path, "samples", "manuals"),
            ["Manuals:ImportSamplesOnFirstStart"] = "true",
            // Every test signs in from 127.0.0.1; the per-address sign-in limit is for strangers, not for this suite.
            ["Manuals:SignIn:PermitLimit"] = "100000",
            // A search waits for the index however long a busy machine takes to build it (the bound has tests of its own).
            ["Search:ReadWait"] = "00:02:00",
            // The app logs JSON to the console; only problems are worth reading in test output.
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        // Password hashes of 1,000 PBKDF2 iterations instead of the app's 100,000: the same format and checks, without
        // spending the two cores on hashing at every sign-in (as the web tests' factory does).
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000));
        // UseSetting rather than app configuration: Program reads these while it registers services, before the
        // factory's configuration callbacks run.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the database file open; release them before removing the folder.
        SqliteConnection.ClearAllPools();
        _dataDirectory.Delete(recursive: true);
    }
}
