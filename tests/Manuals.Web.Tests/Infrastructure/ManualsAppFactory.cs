using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite file with the repository's samples imported, as on a first start.
/// One per test class; the database is deleted afterwards.
/// </summary>
public sealed class ManualsAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-for-tests";
    public const string UserPassword = "user-password-for-tests";

    private readonly string _directory;
    private readonly bool _ownsDirectory;

    public ManualsAppFactory()
        : this(Path.Combine(Path.GetTempPath(), "manuals-web-tests-" + Guid.NewGuid().ToString("N")), ownsDirectory: true)
    {
    }

    private ManualsAppFactory(string directory, bool ownsDirectory)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>A second web node over the database of <paramref name="node"/> (which deletes it when disposed).</summary>
    public static ManualsAppFactory SecondNodeOf(ManualsAppFactory node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new ManualsAppFactory(node._directory, ownsDirectory: false);
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting("ConnectionStrings:Manuals", $"Data Source={Path.Combine(_directory, "manuals.db")}");
        builder.UseSetting("Manuals:InitialAdminPassword", AdminPassword);
        builder.UseSetting("Manuals:SamplesPath", Path.Combine(RepositoryRoot, "samples", "manuals"));
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        // Tests sign in many times from one address; SignInRateLimitTests set a small limit of their own.
        builder.UseSetting("Manuals:SignIn:PermitLimit", "100000");
        // Each host is a node with a search index of its own (a host made by WithWebHostBuilder too), as in production.
        builder.UseSetting("Search:IndexPath", Path.Combine(_directory, "search-index-" + Guid.NewGuid().ToString("N")));
        // A search waits for the index however long a busy machine takes to build it (the bound has tests of its own).
        builder.UseSetting("Search:ReadWait", "00:02:00");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<PasswordHasherOptions>(TestPasswordHashing);
        });
    }

    /// <summary>
    /// Password hashes of 1,000 PBKDF2 iterations instead of the 100,000 of the app: the tests create users and sign in
    /// hundreds of times, and at the app's count that hashing alone took minutes of the two cores. The hash format,
    /// the checks and every sign-in path stay those of the app; the app processes of the node tests hash as in production.
    /// </summary>
    public static void TestPasswordHashing(PasswordHasherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.IterationCount = 1_000;
    }

    /// <summary>Settings over the ones above, for a test class that needs its own; set before the app starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The app's clock; starts at the real time and can be moved forward.</summary>
    public SettableClock Clock { get; } = new();

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a user with one role and the named departments.</summary>
    public async Task<long> CreateUserAsync(string userName, string role, params string[] departmentNames)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, DisplayName = userName + " さん" };
        var result = await users.CreateAsync(user, UserPassword);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        var departments = await scope.ServiceProvider.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None);
        var ids = departments.Where(d => departmentNames.Contains(d.Name)).Select(d => d.Id).ToList();
        Assert.Equal(departmentNames.Length, ids.Count);
        await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().SetDepartmentsAsync(user.Id, ids, CancellationToken.None);
        return user.Id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory && Directory.Exists(_directory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Manuals.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Manuals.sln not found above " + AppContext.BaseDirectory);
    }
}
