using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Manuals.Core;
using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Data;
using Manuals.Data.Search.Lucene;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Benchmarks.Load;

/// <summary>
/// The load benchmark of the whole app (issue #18): generates an installation, starts the real server on it, drives a
/// realistic mix with wrk at a bounded concurrency for a bounded time, then manual pages alone and a static file at 64
/// connections, and reports each request type against the targets. See bench/README.md, "Load benchmark".
/// </summary>
internal static class LoadBench
{
    /// <summary>Connections per request type in the mix phase: 16 in all, the shares of a working day.</summary>
    private static readonly (string Type, int Connections)[] Mix =
    [
        ("manual page", 4), ("step mode", 1), ("search", 3), ("suggestions", 2), ("home", 1), ("manual list", 1),
        ("coverage", 1), ("matrix", 1), ("handover print", 1), ("save", 1),
    ];

    private const int HighConnections = 64;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }

        if (!WrkRunner.IsInstalled())
        {
            Console.Error.WriteLine(WrkRunner.InstallHint);
            return 2;
        }

        using var cancel = BenchArguments.CancelOnCtrlC();

        var results = new List<LoadResult>();
        foreach (var engine in options.Engines)
        {
            results.Add(await RunEngineAsync(engine, options, cancel.Token));
        }

        var json = LoadReport.Print(results);
        var path = options.Out ?? Path.Combine(
            BenchRunner.FindRepository(), "artifacts", "bench", string.Create(CultureInfo.InvariantCulture, $"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, json, cancel.Token);
        Console.WriteLine();
        Console.WriteLine($"Figures as JSON: {path}");
        return 0;
    }

    private static async Task<LoadResult> RunEngineAsync(SqlEngine engine, LoadOptions options, CancellationToken cancellationToken)
    {
        var name = engine == SqlEngine.Postgres ? "postgres" : "sqlite";
        var scale = LoadScale.For(options.Manuals);
        Log($"== {name}: {scale}");
        PostgresCluster? cluster = null;
        string? temporary = null;
        string connectionString;
        string indexPath;
        if (options.Database is not null)
        {
            Log($"using the database {options.Database} (kept)");
            connectionString = engine == SqlEngine.Postgres ? options.Database : $"Data Source={Path.GetFullPath(options.Database)}";
            // The server's index is kept with the database, so a second run only catches it up.
            indexPath = engine == SqlEngine.Sqlite
                ? Path.GetFullPath(options.Database) + ".load-index"
                : Path.Combine(Path.GetTempPath(), "manuals-load-index-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(connectionString)))[..12]);
        }
        else
        {
            temporary = Directory.CreateTempSubdirectory("manuals-load-").FullName;
            indexPath = Path.Combine(temporary, "search-index");
            if (engine == SqlEngine.Postgres)
            {
                Log("starting a private PostgreSQL cluster (unix socket, fsync off)");
                cluster = await PostgresCluster.StartAsync(cancellationToken);
                connectionString = await cluster.CreateDatabaseAsync(cancellationToken);
            }
            else
            {
                connectionString = $"Data Source={Path.Combine(temporary, "manuals.db")}";
            }
        }

        IDbConnectionFactory connections = engine == SqlEngine.Postgres
            ? new PostgresConnectionFactory(connectionString)
            : new SqliteConnectionFactory(connectionString);
        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(connections)
                .AddManualsStores()
                // The generator's index is a throw-away: the server builds its own from the database at its first start.
                .AddLuceneSearch(Path.Combine(Path.GetTempPath(), "manuals-load-unused-index-" + Environment.ProcessId))
                .AddManualsCore()
                .BuildServiceProvider();
            var samples = Path.Combine(BenchRunner.FindRepository(), "samples", "manuals");
            var generation = await LoadInstallation.EnsureAsync(services, connections, engine, scale, options.Seed, samples, cancellationToken);
            var departments = (await services.GetRequiredService<IDepartmentStore>().ListAsync(cancellationToken)).Select(d => d.Id).ToList();
            var loadAverage = (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Trim();
            Log($"load average before the server starts: {loadAverage}");

            await using var server = await LoadServer.StartAsync(engine, connectionString, indexPath, cancellationToken);
            var admin = await server.SignInAsync("admin", HttpBench.AdminPassword, cancellationToken);
            var readerDepartments = departments.Take(2).ToList();
            var reader = await server.EnsureUserAsync(admin, "load.reader", Roles.Reader, readerDepartments, cancellationToken);
            var editor = await server.EnsureUserAsync(admin, "load.editor", Roles.Editor, departments, cancellationToken);

            // Enough distinct manuals for a save each 10 ms of the warm-up and the measured mix (one connection saves).
            var saves = Math.Min(options.Manuals, 100 * (options.Warmup + options.Duration) + 50);
            var folder = Path.Combine(temporary ?? Path.GetTempPath(), $"manuals-load-requests-{Environment.ProcessId}-{name}");
            var types = await LoadRequests.WriteAsync(
                folder,
                connections,
                services.GetRequiredService<IManualStore>(),
                services.GetRequiredService<TemplateService>(),
                services.GetRequiredService<MarkdownRenderer>(),
                readerDepartments,
                departments,
                reader,
                editor,
                saves,
                options.Seed,
                cancellationToken);
            Log($"request lists in {folder}: " + string.Join(", ", types.Values.Select(t => $"{t.Name} {t.Count:N0}")));

            // Each type alone first, one request at a time (the save uses the first entry of its list): the latency without
            // load beside the loaded figures, and a wrong answer (a page refused, a save not taken) stops here, named.
            var alone = await ProbeAsync(server, types.Values, cancellationToken);
            Log("alone: " + string.Join(", ", alone.Select(a => $"{a.Key} {a.Value:F0} ms")));
            var saveOffset = 1;
            IReadOnlyList<WrkJob> MixJobs() => Mix.Select(m => new WrkJob(types[m.Type], m.Connections, m.Type == "save" ? saveOffset : 0)).ToList();

            Log($"warm-up: the mix at 16 connections for {options.Warmup} s (not measured)");
            var warm = await WrkRunner.RunAsync(server.BaseAddress, MixJobs(), options.Warmup, cancellationToken);
            // The save in flight when wrk stopped may have been written: skip past it.
            saveOffset += (int)warm.Single(f => f.Type == "save").Requests + 2;

            Log($"the mix at 16 connections for {options.Duration} s");
            var mixed = await WrkRunner.RunAsync(server.BaseAddress, MixJobs(), options.Duration, cancellationToken);
            Log($"manual pages alone at {HighConnections} connections for {options.Duration} s");
            var pages = (await WrkRunner.RunAsync(server.BaseAddress, [new WrkJob(types["manual page"], HighConnections)], options.Duration, cancellationToken)).Single();
            Log($"the static file at {HighConnections} connections for {options.Duration} s (the ceiling)");
            var ceiling = (await WrkRunner.RunAsync(server.BaseAddress, [new WrkJob(types["static file"], HighConnections)], options.Duration, cancellationToken)).Single();

            Directory.Delete(folder, recursive: true);
            var (rss, hwm) = server.Memory();
            Log($"server RSS {rss} MB, peak (VmHWM) {hwm} MB, highest sampled {server.PeakSampledMb} MB");
            var serverErrors = server.ErrorSummary();
            foreach (var error in serverErrors)
            {
                Log("server error: " + error);
            }

            return new LoadResult(
                name,
                scale,
                generation.Reused,
                generation.Seconds,
                generation.StepSeconds,
                server.ReadySeconds,
                loadAverage,
                options.Duration,
                mixed,
                pages,
                ceiling,
                rss,
                hwm,
                server.PeakSampledMb,
                alone,
                serverErrors);
        }
        finally
        {
            (connections as IDisposable)?.Dispose();
            if (cluster is not null)
            {
                Log("stopping the PostgreSQL cluster");
                await cluster.DisposeAsync();
            }

            if (temporary is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    /// <summary>
    /// The median of up to five requests of each type sent one at a time (only the first of the saves, whose list must
    /// not repeat), checking each answers as wrk will expect it to.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, double>> ProbeAsync(
        LoadServer server, IEnumerable<RequestType> types, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = server.BaseAddress,
            // A page that takes minutes alone is a finding, not a failure of the benchmark.
            Timeout = TimeSpan.FromMinutes(5),
        };
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var lines = File.ReadLines(type.ListFile).Take(type.Name == "save" ? 1 : 5).ToList();
            var times = new List<double>();
            var spent = Stopwatch.StartNew();
            // Up to five, fewer when they are slow: a page of seconds needs no second sample to show it.
            foreach (var line in lines.TakeWhile(_ => spent.Elapsed < TimeSpan.FromSeconds(3)))
            {
                var parts = line.Split(' ', 3);
                using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
                request.Headers.Add("Cookie", type.Cookie);
                if (parts.Length == 3)
                {
                    request.Content = new StringContent(parts[2], Encoding.UTF8, "application/x-www-form-urlencoded");
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var location = response.Headers.Location?.OriginalString ?? "";
                if ((int)response.StatusCode != type.ExpectedStatus || !location.StartsWith(type.ExpectedLocation, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"{type.Name}: {parts[0]} {parts[1]} answered {(int)response.StatusCode} {location}, not {type.ExpectedStatus} {type.ExpectedLocation}.\n{server.OutputTail()}");
                }
            }

            medians[type.Name] = Math.Round(times.Order().ElementAt(times.Count / 2), 1);
        }

        return medians;
    }

    internal static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}
