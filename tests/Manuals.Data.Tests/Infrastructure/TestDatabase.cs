using Dapper;
using Manuals.Core.Accounts;
using Manuals.Data.Accounts;
using Manuals.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Manuals.Data.Tests.Infrastructure;

/// <summary>
/// A fresh database of one engine for one test — a new file for SQLite, a new database in the shared
/// <see cref="PostgresCluster"/> for PostgreSQL — migrated unless asked otherwise (a copy of a template migrated once
/// per run), with the stores registered
/// exactly as the application registers them (<see cref="DataServiceCollectionExtensions.AddManualsStores"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Long enough for any single test; short enough that a deadlock fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The embedded migrations applied once per test run into a template database (a SQLite file, a PostgreSQL template
    /// database in the shared cluster), which each test then gets a copy of: the same schema and rows as migrating its
    /// own database, without running the scripts again for every test. The first test to ask pays for it; a failed
    /// migration fails every test that asks, with the same message.
    /// </summary>
    private static readonly Lazy<Task<string>> MigratedSqliteTemplate = new(CreateSqliteTemplateAsync);

    /// <inheritdoc cref="MigratedSqliteTemplate"/>
    private static readonly Lazy<Task<string>> MigratedPostgresTemplate = new(CreatePostgresTemplateAsync);

    private readonly CancellationTokenSource _timeout = new(TestTimeout);
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresConnectionString;
    private readonly string _indexDirectory;

    private TestDatabase(
        SqlEngine engine, IDbConnectionFactory connections, ServiceProvider services, string? sqliteDirectory, string? postgresConnectionString, string indexDirectory)
    {
        _indexDirectory = indexDirectory;
        Engine = engine;
        Connections = connections;
        Services = services;
        _sqliteDirectory = sqliteDirectory;
        _postgresConnectionString = postgresConnectionString;
    }

    public SqlEngine Engine { get; }

    /// <summary>The PostgreSQL database's connection string (null on SQLite), for work that opens a database by its string.</summary>
    public string? PostgresConnectionString => _postgresConnectionString;

    public IDbConnectionFactory Connections { get; }

    /// <summary>Logging, the connection factory and the stores, plus whatever the test added.</summary>
    public ServiceProvider Services { get; }

    /// <summary>Cancelled when the test has run for too long; pass it to every store call.</summary>
    public CancellationToken CancellationToken => _timeout.Token;

    /// <summary>Creates the database; when <paramref name="migrate"/> is true, it holds the embedded migrations' schema.</summary>
    /// <param name="engine">Which engine to run on.</param>
    /// <param name="migrate">False leaves the database empty (migration tests run the runner themselves).</param>
    /// <param name="configureServices">Extra registrations, e.g. Identity's <c>UserManager</c>.</param>
    public static async Task<TestDatabase> CreateAsync(SqlEngine engine, bool migrate = true, Action<IServiceCollection>? configureServices = null)
    {
        string? sqliteDirectory = null;
        string? postgresConnectionString = null;
        IDbConnectionFactory connections;
        if (engine == SqlEngine.Postgres)
        {
            var cluster = await PostgresCluster.GetSharedAsync();
            postgresConnectionString = await cluster.CreateDatabaseAsync(migrate ? await MigratedPostgresTemplate.Value : null);
            connections = new PostgresConnectionFactory(postgresConnectionString);
        }
        else
        {
            sqliteDirectory = Directory.CreateTempSubdirectory("manuals-sqlite-").FullName;
            var file = Path.Combine(sqliteDirectory, "manuals.db");
            if (migrate)
            {
                File.Copy(await MigratedSqliteTemplate.Value, file);
            }

            connections = new SqliteConnectionFactory($"Data Source={file}");
        }

        // Search on a Lucene.Net index of its own, in a temp folder (opened only when a test searches). A search waits
        // for the index however long building it takes on a busy machine: the bounded wait has tests of its own.
        var indexDirectory = Directory.CreateTempSubdirectory("manuals-lucene-").FullName;
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(connections)
            .AddManualsStores()
            .AddLuceneSearch(indexDirectory, options => options.ReadWait = TimeSpan.FromMinutes(2));

        configureServices?.Invoke(services);
        var database = new TestDatabase(
            engine,
            connections,
            services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }),
            sqliteDirectory,
            postgresConnectionString,
            indexDirectory);
        return database;
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var directory = Directory.CreateTempSubdirectory("manuals-sqlite-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        };
        var migrated = Path.Combine(directory, "migrated.db");
        await MigrateAsync(new SqliteConnectionFactory($"Data Source={migrated}"), timeout.Token);

        // VACUUM INTO writes one self-contained file (whatever is still in the -wal), which File.Copy can then copy.
        var template = Path.Combine(directory, "template.db");
        await using (var connection = new SqliteConnection($"Data Source={migrated};Pooling=False"))
        {
            await connection.OpenAsync(timeout.Token);
            await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @template", new { template }, cancellationToken: timeout.Token));
        }

        SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = migrated, Pooling = true }.ToString()));
        return template;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var cluster = await PostgresCluster.GetSharedAsync();
        return await cluster.CreateTemplateAsync(
            async connectionString =>
            {
                using var connections = new PostgresConnectionFactory(connectionString);
                await MigrateAsync(connections, timeout.Token);
            },
            timeout.Token);
    }

    private static async Task MigrateAsync(IDbConnectionFactory connections, CancellationToken cancellationToken) =>
        await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);

    /// <summary>A scope for the scoped services (the user store, Identity's <c>UserManager</c>).</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>Creates a user with <paramref name="userName"/> as its name and display name; returns its id.</summary>
    public async Task<long> CreateUserAsync(string userName)
    {
        await using var scope = CreateScope();
        var user = new User { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName };
        var result = await scope.ServiceProvider.GetRequiredService<UserStore>().CreateAsync(user, CancellationToken);
        Assert.True(result.Succeeded);
        return user.Id;
    }

    /// <summary>Whether a table of that name exists, asked of the engine's own catalogue.</summary>
    public async Task<bool> TableExistsAsync(string table)
    {
        var sql = Engine == SqlEngine.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table";
        await using var connection = await Connections.OpenAsync(CancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { table }, cancellationToken: CancellationToken)) > 0;
    }

    /// <summary>Runs a query written by the test itself (assertions on rows the stores do not expose).</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: CancellationToken));
        return rows.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        (Connections as IDisposable)?.Dispose();
        if (_postgresConnectionString is not null)
        {
            var cluster = await PostgresCluster.GetSharedAsync();
            await cluster.DropDatabaseAsync(_postgresConnectionString);
        }

        if (_sqliteDirectory is not null)
        {
            // Pooled connections keep the file (and its -wal/-shm companions) open.
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        if (_indexDirectory is not null)
        {
            Directory.Delete(_indexDirectory, recursive: true);
        }

        _timeout.Dispose();
    }
}
