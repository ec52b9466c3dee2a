using System.Net;
using Manuals.Data.Tests.Infrastructure;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// Two app nodes over one PostgreSQL database, each started as <c>infra/systemd/manuals.service</c> says, with its own
/// search index, behind three nginx run from <c>infra/nginx</c>'s configuration: <see cref="Both"/> over both nodes, as
/// deployed, and <see cref="OnlyA"/> and <see cref="OnlyB"/> over one node each, so that a step can say which node
/// serves it while still going through nginx.
/// </summary>
public sealed class NodesBehindNginx : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-nginx-").FullName;
    private string? _database;
    private readonly List<IAsyncDisposable> _started = [];

    public AppNode NodeA { get; private set; } = null!;

    public AppNode NodeB { get; private set; } = null!;

    internal Nginx Both { get; private set; } = null!;

    internal Nginx OnlyA { get; private set; } = null!;

    internal Nginx OnlyB { get; private set; } = null!;

    internal SystemdUnit Unit { get; } = SystemdUnit.Read();

    /// <summary>Everything the nodes and nginx printed, for failure messages.</summary>
    public string Output =>
        $"--- node A ---\n{NodeA?.Output}\n--- node B ---\n{NodeB?.Output}\n--- nginx (both) ---\n{Both?.Output}";

    public async Task InitializeAsync()
    {
        // A database of its own in the test run's cluster.
        var database = _database = await (await PostgresCluster.GetSharedAsync()).CreateDatabaseAsync();
        var published = Path.Combine(_directory, "opt-manuals");
        SystemdUnit.LayOutPublished(published);
        var command = Unit.Command(published);
        // What /etc/manuals/manuals.env holds for a node of several (infra/README.md).
        var environmentFile = AppNode.Settings("Postgres", database, "unused");
        environmentFile.Remove("Search__IndexPath");

        // Both nodes start together: the first to take the migration lock migrates and creates the admin.
        var startingA = AppNode.StartAsync(Unit.EnvironmentFor(Path.Combine(_directory, "state-a"), environmentFile), command);
        var startingB = AppNode.StartAsync(Unit.EnvironmentFor(Path.Combine(_directory, "state-b"), environmentFile), command);
        NodeA = await Started(startingA);
        NodeB = await Started(startingB);
        await Task.WhenAll(NodeA.WaitHealthyAsync(TimeSpan.FromSeconds(60)), NodeB.WaitHealthyAsync(TimeSpan.FromSeconds(60)));

        var certificate = TestCertificate.Create(_directory);
        var proxies = await Task.WhenAll(
            Nginx.StartAsync(Path.Combine(_directory, "nginx-both"), [NodeA.Address, NodeB.Address], certificate),
            Nginx.StartAsync(Path.Combine(_directory, "nginx-a"), [NodeA.Address], certificate),
            Nginx.StartAsync(Path.Combine(_directory, "nginx-b"), [NodeB.Address], certificate));
        _started.AddRange(proxies);
        (Both, OnlyA, OnlyB) = (proxies[0], proxies[1], proxies[2]);
    }

    /// <summary>A browser: one cookie jar, with a session through each nginx.</summary>
    internal Browser NewBrowser() => new(this, new CookieContainer());

    public async Task DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started))
        {
            await started.DisposeAsync();
        }

        if (_database is not null)
        {
            await (await PostgresCluster.GetSharedAsync()).DropDatabaseAsync(_database);
        }

        // The published layout's links first, each unlinked: what they point to is the build's output and wwwroot.
        var published = Path.Combine(_directory, "opt-manuals");
        if (Directory.Exists(published))
        {
            foreach (var link in Directory.EnumerateFileSystemEntries(published))
            {
                File.Delete(link);
            }
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task<AppNode> Started(Task<AppNode> starting)
    {
        var node = await starting;
        _started.Add(node);
        return node;
    }

    /// <summary>One person's browser: the same cookies whichever nginx a request goes through.</summary>
    internal sealed class Browser(NodesBehindNginx nodes, CookieContainer cookies)
    {
        public CookieContainer Cookies => cookies;

        public WebSession ThroughBoth { get; } = new(nodes.Both.CreateClient(cookies));

        public WebSession ThroughA { get; } = new(nodes.OnlyA.CreateClient(cookies));

        public WebSession ThroughB { get; } = new(nodes.OnlyB.CreateClient(cookies));

        /// <summary>Signs in through <paramref name="session"/>; a user an admin created then chooses a password.</summary>
        public async Task SignInAsync(WebSession session, string userName, string password, string? newPassword = null)
        {
            ArgumentNullException.ThrowIfNull(session);
            await session.SignInAsync(userName, password, newPassword);
            Assert.NotNull(cookies.GetAllCookies()["manuals.auth"]);
        }
    }
}
