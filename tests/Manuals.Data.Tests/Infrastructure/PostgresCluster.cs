using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Manuals.Data.Tests.Infrastructure;

/// <summary>
/// A private, throw-away PostgreSQL cluster: its own data directory under the temp path, listening on a unix socket
/// in that directory only (no TCP), durability switched off for speed. One cluster serves the whole test run
/// (<see cref="GetSharedAsync"/>); every test gets its own database from <see cref="CreateDatabaseAsync(string?, CancellationToken)"/>,
/// empty or a copy of a template (<see cref="CreateTemplateAsync"/>).
/// </summary>
/// <remarks>
/// The cluster is stopped by <see cref="DatabaseCollectionFixture"/> when the tests finish, by a process-exit handler
/// when the run ends any other way, and — should the test host be killed outright — by a small watchdog shell whose
/// stdin is a pipe from this process: the kernel closes that pipe when the test host dies, and the watchdog then
/// stops the server and removes the directory. No postgres process outlives the test run.
/// </remarks>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>Only names the socket file (<c>.s.PGSQL.5432</c>); the socket directory is private, so it cannot clash.</summary>
    private const int Port = 5432;

    private const string ServiceUser = "postgres";
    private const string InstallHint =
        "PostgreSQL server binaries not found (looked for a real pg_ctl/initdb on PATH and in /usr/lib/postgresql/*/bin). " +
        "Install them with `apt-get install -y postgresql` (or run ./test.sh, which installs it).";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly object SharedLock = new();
    private static Lazy<Task<PostgresCluster>>? _shared;
    private static bool _sharedStopped;
    private static int _databaseCounter;

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly string _dataDirectory;
    private readonly bool _runAsServiceUser;
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private Process? _watchdog;
    private int _serverVersion;
    private bool _stopped;

    private PostgresCluster(string binDirectory, string rootDirectory, bool runAsServiceUser)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _dataDirectory = Path.Combine(rootDirectory, "data");
        SocketDirectory = Path.Combine(rootDirectory, "socket");
        _runAsServiceUser = runAsServiceUser;
    }

    /// <summary>Directory holding the server's unix socket; the <c>Host</c> of every connection string.</summary>
    public string SocketDirectory { get; }

    /// <summary>Connection string for the <c>postgres</c> maintenance database, unpooled.</summary>
    public string MaintenanceConnectionString => ConnectionStringFor("postgres", pooling: false);

    /// <summary>The cluster of this test run, started on first use.</summary>
    public static Task<PostgresCluster> GetSharedAsync()
    {
        lock (SharedLock)
        {
            ObjectDisposedException.ThrowIf(_sharedStopped, typeof(PostgresCluster));
            if (_shared is null)
            {
                // A failed start is cached on purpose: every test then reports the same clear message at once
                // instead of each one retrying initdb.
                _shared = new Lazy<Task<PostgresCluster>>(() => StartAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopSharedAsync().GetAwaiter().GetResult();
            }

            return _shared.Value;
        }
    }

    /// <summary>Stops the shared cluster if it was started; later calls do nothing.</summary>
    public static async Task StopSharedAsync()
    {
        Lazy<Task<PostgresCluster>>? shared;
        lock (SharedLock)
        {
            _sharedStopped = true;
            shared = _shared;
        }

        if (shared is not { IsValueCreated: true })
        {
            return;
        }

        PostgresCluster cluster;
        try
        {
            cluster = await shared.Value;
        }
        catch (Exception)
        {
            // A cluster that never started has nothing to stop; the tests have already reported why it failed.
            return;
        }

        await cluster.DisposeAsync();
    }

    /// <summary>
    /// A new directory for a cluster: in memory (<c>/dev/shm</c>) where there is one, since every test creates and drops
    /// a database of some 500 files and the cluster is thrown away anyway (on the disk each CREATE DATABASE took 250–900 ms);
    /// otherwise in the temp folder.
    /// </summary>
    private static string CreateRootDirectory()
    {
        const string Memory = "/dev/shm";
        if (Directory.Exists(Memory))
        {
            try
            {
                return Directory.CreateDirectory(Path.Combine(Memory, "manuals-pg-" + Guid.NewGuid().ToString("N")[..12])).FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not writable here: the temp folder below.
            }
        }

        return Directory.CreateTempSubdirectory("manuals-pg-").FullName;
    }

    /// <summary>Creates a cluster in a new directory (<see cref="CreateRootDirectory"/>) and starts it.</summary>
    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken)
    {
        var binDirectory = await FindBinDirectoryAsync(cancellationToken) ?? throw new InvalidOperationException(InstallHint);
        var runAsServiceUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var root = CreateRootDirectory();
        var cluster = new PostgresCluster(binDirectory, root, runAsServiceUser);
        try
        {
            await cluster.InitializeAndStartAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a new, empty, uniquely named database and returns its (pooled) connection string.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync(template: null, cancellationToken);

    /// <summary>
    /// Creates a new, uniquely named database as a copy of <paramref name="template"/> (one made by
    /// <see cref="CreateTemplateAsync"/>; empty when null) and returns its (pooled) connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? template, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        if (template is not null && !IsGeneratedName(template, "template_"))
        {
            throw new ArgumentException($"'{template}' was not made by {nameof(CreateTemplateAsync)}.", nameof(template));
        }

        // [a-z0-9_] only, so the name needs no quoting in CREATE/DROP DATABASE.
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}");
        // FILE_COPY (PostgreSQL 15 and later) copies the template's files instead of writing each page to the WAL: about a
        // third less time per test database on this cluster, which never replicates.
        var strategy = await ServerVersionAsync(cancellationToken) >= 150000 ? " STRATEGY FILE_COPY" : "";
        await ExecuteMaintenanceAsync($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE {template ?? "template0"}{strategy}", cancellationToken);
        return ConnectionStringFor(name, pooling: true);
    }

    /// <summary>
    /// Creates a database, lets <paramref name="prepare"/> fill it through its (unpooled) connection string, then closes
    /// it to connections so that <see cref="CreateDatabaseAsync(string?, CancellationToken)"/> can copy it (PostgreSQL
    /// copies a template only while nobody is connected to it). Returns its name. It lives as long as the cluster.
    /// </summary>
    public async Task<string> CreateTemplateAsync(Func<string, Task> prepare, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ObjectDisposedException.ThrowIf(_stopped, this);
        var name = string.Create(CultureInfo.InvariantCulture, $"template_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}");
        await ExecuteMaintenanceAsync($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", cancellationToken);
        await prepare(ConnectionStringFor(name, pooling: false));
        await ExecuteMaintenanceAsync($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false", cancellationToken);
        return name;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, disconnecting whoever is still connected.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        if (!IsGeneratedName(name, "test_"))
        {
            throw new ArgumentException($"'{name}' was not made by {nameof(CreateDatabaseAsync)}.", nameof(connectionString));
        }

        await ExecuteMaintenanceAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopGate.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            await StopServerAsync();
            await StopWatchdogAsync();
            DeleteRootDirectory();
        }
        finally
        {
            _stopGate.Release();
        }
    }

    private static bool IsGeneratedName(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private string ConnectionStringFor(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = ServiceUser,
        Database = database,
        Pooling = pooling,
    }.ConnectionString;

    /// <summary>The server's <c>server_version_num</c> (150004 for 15.4), asked once.</summary>
    private async Task<int> ServerVersionAsync(CancellationToken cancellationToken)
    {
        if (_serverVersion == 0)
        {
            await using var connection = new NpgsqlConnection(MaintenanceConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
            _serverVersion = int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture);
        }

        return _serverVersion;
    }

    private async Task ExecuteMaintenanceAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(MaintenanceConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Database names cannot be parameters; the only names used here are generated from [a-z0-9_] by this class.
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task InitializeAndStartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        if (_runAsServiceUser)
        {
            // The server refuses to run as root, so the whole directory goes to the postgres account.
            await RunCheckedAsync("chown", ["-R", ServiceUser, _rootDirectory], "chown the cluster directory", cancellationToken);
        }

        StartWatchdog();
        await InitDbAsync(cancellationToken);

        var options = string.Join(
            ' ',
            "-k", ShellQuote(SocketDirectory),
            "-c", "listen_addresses=''",
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            // A throw-away cluster needs no WAL for replicas: CREATE DATABASE and fresh tables then write much less of it.
            "-c", "wal_level=minimal",
            "-c", "max_wal_senders=0",
            "-c", "jit=off");
        var (fileName, arguments) = AsServiceUser(
            Tool("pg_ctl"),
            ["start", "-w", "-t", "60", "-D", _dataDirectory, "-l", Path.Combine(_rootDirectory, "server.log"), "-o", options]);
        var result = await RunAsync(fileName, arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"pg_ctl start failed (exit {result.ExitCode}):\n{result.Output}\n--- server.log ---\n{ReadServerLog()}");
        }
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        var first = await RunInitDbAsync("C.UTF-8", cancellationToken);
        if (first.ExitCode == 0)
        {
            return;
        }

        // Minimal images may lack the C.UTF-8 locale; plain C with UTF8 encoding stores the same text.
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        var second = await RunInitDbAsync("C", cancellationToken);
        if (second.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"initdb failed with --locale=C.UTF-8 (exit {first.ExitCode}):\n{first.Output}\n" +
                $"and with --locale=C (exit {second.ExitCode}):\n{second.Output}");
        }
    }

    private Task<ProcessResult> RunInitDbAsync(string locale, CancellationToken cancellationToken)
    {
        var (fileName, arguments) = AsServiceUser(
            Tool("initdb"),
            ["-D", _dataDirectory, "-A", "trust", "-U", ServiceUser, "--encoding=UTF8", $"--locale={locale}", "--no-sync"]);
        return RunAsync(fileName, arguments, cancellationToken);
    }

    private void StartWatchdog()
    {
        // Waits for EOF on stdin (this process has ended, however it ended), then stops the server and removes
        // the directory. It ignores INT/HUP so a Ctrl+C at the terminal does not kill it before the server.
        const string script = """
            trap '' INT HUP
            while read -r _; do :; done
            "$1" stop -D "$2" -m immediate >/dev/null 2>&1
            rm -rf "$3"
            """;
        var (fileName, arguments) = AsServiceUser("/bin/sh", ["-c", script, "manuals-pg-watchdog", Tool("pg_ctl"), _dataDirectory, _rootDirectory]);
        var startInfo = NewStartInfo(fileName, arguments);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = false;
        startInfo.RedirectStandardError = false;
        _watchdog = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the cluster watchdog.");
    }

    private async Task StopServerAsync()
    {
        if (!File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            return;
        }

        foreach (var mode in new[] { "fast", "immediate" })
        {
            var (fileName, arguments) = AsServiceUser(Tool("pg_ctl"), ["stop", "-w", "-t", "30", "-D", _dataDirectory, "-m", mode]);
            var result = await RunAsync(fileName, arguments, CancellationToken.None);
            if (result.ExitCode == 0)
            {
                return;
            }
        }
    }

    private async Task StopWatchdogAsync()
    {
        if (_watchdog is null)
        {
            return;
        }

        _watchdog.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _watchdog.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _watchdog.Kill(entireProcessTree: true);
        }

        _watchdog.Dispose();
        _watchdog = null;
    }

    private void DeleteRootDirectory()
    {
        try
        {
            if (Directory.Exists(_rootDirectory))
            {
                Directory.Delete(_rootDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing the run over.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: the data is throw-away and lives under the temp path.
        }
    }

    private string ReadServerLog()
    {
        var log = Path.Combine(_rootDirectory, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no server.log)";
    }

    private string Tool(string name) => Path.Combine(_binDirectory, name);

    /// <summary>As root, runs the command as the postgres account (runuser, else su); otherwise runs it directly.</summary>
    private (string FileName, IReadOnlyList<string> Arguments) AsServiceUser(string fileName, IReadOnlyList<string> arguments)
    {
        if (!_runAsServiceUser)
        {
            return (fileName, arguments);
        }

        var runuser = FindOnPath("runuser") ?? (File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : null);
        if (runuser is not null)
        {
            return (runuser, ["-u", ServiceUser, "--", fileName, .. arguments]);
        }

        var command = string.Join(' ', new[] { fileName }.Concat(arguments).Select(ShellQuote));
        return ("su", ["-s", "/bin/sh", ServiceUser, "-c", command]);
    }

    private static async Task<string?> FindBinDirectoryAsync(CancellationToken cancellationToken)
    {
        var onPath = FindOnPath("pg_ctl");
        if (onPath is not null)
        {
            var resolved = File.ResolveLinkTarget(onPath, returnFinalTarget: true)?.FullName ?? onPath;
            var directory = Path.GetDirectoryName(resolved)!;
            if (await IsServerBinDirectoryAsync(directory, cancellationToken))
            {
                return directory;
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        var candidates = Directory.GetDirectories(debianRoot)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
            .Where(c => c.Version is not null)
            .OrderByDescending(c => c.Version);
        foreach (var candidate in candidates)
        {
            if (await IsServerBinDirectoryAsync(candidate.Directory, cancellationToken))
            {
                return candidate.Directory;
            }
        }

        return null;
    }

    private static Version? ParseVersion(string text) =>
        Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var version) ? version : null;

    /// <summary>True when the directory holds initdb, postgres and a pg_ctl that says it is PostgreSQL's (not a wrapper script).</summary>
    private static async Task<bool> IsServerBinDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        var pgCtl = Path.Combine(directory, "pg_ctl");
        if (!File.Exists(pgCtl) || !File.Exists(Path.Combine(directory, "initdb")) || !File.Exists(Path.Combine(directory, "postgres")))
        {
            return false;
        }

        try
        {
            var result = await RunAsync(pgCtl, ["--version"], cancellationToken);
            return result.ExitCode == 0 && result.Output.StartsWith("pg_ctl (PostgreSQL) ", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task RunCheckedAsync(string fileName, IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken)
    {
        var result = await RunAsync(fileName, arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not {what} (exit {result.ExitCode}):\n{result.Output}");
        }
    }

    private static ProcessStartInfo NewStartInfo(string fileName, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres account cannot enter root's working directory; "/" is readable by everyone.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // English messages, whatever the machine's language, so failures read the same everywhere.
        startInfo.Environment["LC_MESSAGES"] = "C";
        return startInfo;
    }

    private static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(NewStartInfo(fileName, arguments))
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            output.Append(await stdout).Append(await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        return new ProcessResult(process.ExitCode, output.ToString());
    }

    private sealed record ProcessResult(int ExitCode, string Output);
}
