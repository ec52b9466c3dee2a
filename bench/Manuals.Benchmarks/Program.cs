using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Manuals.Benchmarks;
using Manuals.Core;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data;
using Manuals.Data.Migrations;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// Search benchmark (issue #4, item 8). See bench/README.md.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var results = new List<BenchResult>();
foreach (var engine in options.Engines)
{
    results.Add(await BenchRunner.RunAsync(engine, options, cancel.Token));
}

Report.Print(results);
return 0;

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<SqlEngine> Engines, int Manuals, int Queries, int Warmup, int Seed, string? Database, bool Reindex, bool Http)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Manuals.Benchmarks -- --engine sqlite|postgres|both --manuals N [--queries N] [--warmup N] [--seed N]
                 [--database FILE|CONNECTION-STRING] [--no-reindex] [--http]
          --engine      which database engine(s) to measure (default both)
          --manuals     how many manuals to generate (e.g. 10000 or 100000; default 10000)
          --queries     measured queries per engine (default 1000)
          --warmup      unmeasured queries first (default 50)
          --seed        seed of the generated manuals and of the query mix (default 42)
          --database    keep the data in this SQLite file or PostgreSQL database (one engine only) instead of a
                        throw-away one; a database that already holds the N manuals of this seed is reused without
                        inserting (insert s is then 0)
          --no-reindex  skip the full reindex (reindex s is then 0)
          --http        also start the built web app (src/Manuals.Web, Kestrel on 127.0.0.1) on the database, sign
                        in as the first admin and as a Reader, time GET /search for the same query mix over HTTP,
                        and read the server's RSS from /proc
        """;

    public static BenchOptions? Parse(string[] args)
    {
        IReadOnlyList<SqlEngine> engines = [SqlEngine.Sqlite, SqlEngine.Postgres];
        int manuals = 10_000, queries = 1_000, warmup = 50, seed = 42;
        string? database = null;
        var reindex = true;
        var http = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--engine" when value is "sqlite":
                    engines = [SqlEngine.Sqlite];
                    break;
                case "--engine" when value is "postgres":
                    engines = [SqlEngine.Postgres];
                    break;
                case "--engine" when value is "both":
                    break;
                case "--manuals" when TryCount(value, out manuals):
                case "--queries" when TryCount(value, out queries):
                case "--warmup" when TryCount(value, out warmup):
                case "--seed" when TryCount(value, out seed):
                    break;
                case "--database" when !string.IsNullOrWhiteSpace(value):
                    database = value;
                    break;
                case "--no-reindex":
                    reindex = false;
                    continue;
                case "--http":
                    http = true;
                    continue;
                default:
                    return null;
            }

            i++;
        }

        return manuals > 0 && queries > 0 && (database is null || engines.Count == 1)
            ? new BenchOptions(engines, manuals, queries, warmup, seed, database, reindex, http)
            : null;
    }

    private static bool TryCount(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

/// <summary>The figures of one engine.</summary>
internal sealed record BenchResult(
    string Engine,
    int Manuals,
    string InsertPath,
    double InsertSeconds,
    double ReindexSeconds,
    int Queries,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double QueriesPerSecond,
    long PeakWorkingSetMb,
    long WorkingSetMb,
    long GcHeapMb,
    long DatabaseMb,
    IReadOnlyDictionary<string, CategoryFigures> Categories,
    HttpFigures? Http);

/// <summary>Latency of one kind of query.</summary>
internal sealed record CategoryFigures(int Count, double P50Ms, double P95Ms, double MaxMs, double AverageHits);

internal static class BenchRunner
{
    private static readonly Author BenchAuthor = new(null, "ベンチマーク");

    // Queries slower than this are named on stderr, to see which ones set the tail.
    private const double SlowMs = 60;

    public static async Task<BenchResult> RunAsync(SqlEngine engine, BenchOptions options, CancellationToken cancellationToken)
    {
        var name = engine == SqlEngine.Postgres ? "postgres" : "sqlite";
        Log($"== {name}: {options.Manuals:N0} manuals");
        PostgresCluster? cluster = null;
        string? sqliteDirectory = null;
        IDbConnectionFactory connections;
        string connectionString;
        if (options.Database is not null)
        {
            Log($"using the database {options.Database} (kept)");
            connectionString = engine == SqlEngine.Postgres ? options.Database : $"Data Source={Path.GetFullPath(options.Database)}";
            connections = engine == SqlEngine.Postgres
                ? new PostgresConnectionFactory(connectionString)
                : new SqliteConnectionFactory(connectionString);
        }
        else if (engine == SqlEngine.Postgres)
        {
            Log("starting a private PostgreSQL cluster (unix socket, fsync off)");
            cluster = await PostgresCluster.StartAsync(cancellationToken);
            connectionString = await cluster.CreateDatabaseAsync(cancellationToken);
            connections = new PostgresConnectionFactory(connectionString);
        }
        else
        {
            sqliteDirectory = Directory.CreateTempSubdirectory("manuals-bench-sqlite-").FullName;
            connectionString = $"Data Source={Path.Combine(sqliteDirectory, "manuals.db")}";
            connections = new SqliteConnectionFactory(connectionString);
        }

        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(connections)
                .AddManualsStores()
                .AddManualsCore()
                .BuildServiceProvider();
            return await MeasureAsync(name, engine, services, connections, connectionString, options, cancellationToken);
        }
        finally
        {
            (connections as IDisposable)?.Dispose();
            if (cluster is not null)
            {
                Log("stopping the PostgreSQL cluster");
                await cluster.DisposeAsync();
            }

            if (sqliteDirectory is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(sqliteDirectory, recursive: true);
            }
        }
    }

    private static async Task<BenchResult> MeasureAsync(
        string name,
        SqlEngine engine,
        ServiceProvider services,
        IDbConnectionFactory connections,
        string connectionString,
        BenchOptions options,
        CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var departmentIds = (await services.GetRequiredService<IDepartmentStore>().ListAsync(cancellationToken)).Select(d => d.Id).ToList();
        var generator = new ManualGenerator(options.Seed, departmentIds, FindSamples());

        // (1) Insert through the real ManualStore.CreateAsync: manual row, revision 1, tags and the search entry
        // (search journal) in one transaction per manual, exactly as a writer's save.
        var store = services.GetRequiredService<IManualStore>();
        var parallelism = engine == SqlEngine.Postgres ? Environment.ProcessorCount : 1;
        var existing = await store.CountAsync(cancellationToken);
        if (existing != 0 && existing != options.Manuals)
        {
            throw new InvalidOperationException($"The database holds {existing:N0} manuals, not 0 or {options.Manuals:N0}; use another --database.");
        }

        var inserted = 0;
        var insertClock = Stopwatch.StartNew();
        var toInsert = existing == 0 ? options.Manuals : 0;
        if (toInsert == 0)
        {
            Log($"reusing the {existing:N0} manuals already in the database");
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, toInsert),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (draft, updatedAt) = generator.Create(i);
                await store.CreateAsync(draft, BenchAuthor, null, updatedAt, ct);
                var done = Interlocked.Increment(ref inserted);
                if (done % Math.Max(1, options.Manuals / 10) == 0)
                {
                    Log($"inserted {done:N0} / {options.Manuals:N0} ({insertClock.Elapsed.TotalSeconds:F0} s)");
                }
            });
        var insertSeconds = insertClock.Elapsed.TotalSeconds;
        var insertPath = toInsert == 0 ? "reused" : $"ManualStore.CreateAsync, {parallelism} writer(s)";

        // (2) Full reindex through the real ISearchIndex.RebuildAsync (batches of 200, one transaction each).
        var index = services.GetRequiredService<ISearchIndex>();
        var lastTenth = -1;
        var reindexClock = Stopwatch.StartNew();
        var reindexed = !options.Reindex ? options.Manuals : await index.RebuildAsync(
            new SyncProgress(p =>
            {
                var tenth = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
                if (tenth != lastTenth)
                {
                    lastTenth = tenth;
                    Log($"reindexed {p.Done:N0} / {p.Total:N0} ({reindexClock.Elapsed.TotalSeconds:F0} s)");
                }
            }),
            cancellationToken);
        var reindexSeconds = options.Reindex ? reindexClock.Elapsed.TotalSeconds : 0;
        if (reindexed != options.Manuals)
        {
            throw new InvalidOperationException($"Reindexed {reindexed} manuals, expected {options.Manuals}.");
        }

        // (3) The query mix through the real SearchService, one query at a time, after a warm-up.
        await using var scope = services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        foreach (var warm in QueryMix.Create(options.Warmup, options.Seed + 1, departmentIds))
        {
            await RunQueryAsync(search, warm, cancellationToken);
        }

        var queries = QueryMix.Create(options.Queries, options.Seed, departmentIds);
        var timings = new List<(string Category, double Ms, int Hits)>(queries.Count);
        var queryClock = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var hits = await RunQueryAsync(search, query, cancellationToken);
            timings.Add((query.Category, Stopwatch.GetElapsedTime(started).TotalMilliseconds, hits));
            if (timings[^1].Ms > SlowMs)
            {
                Log($"slow: {timings[^1].Ms:F0} ms {query.Category} {query.Request} as {(query.AsAdmin ? "admin" : "reader")}");
            }

            if (timings.Count % Math.Max(1, queries.Count / 10) == 0)
            {
                Log($"queried {timings.Count:N0} / {queries.Count:N0} ({queryClock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        var querySeconds = queryClock.Elapsed.TotalSeconds;
        var latencies = timings.Select(t => t.Ms).Order().ToArray();
        var categories = timings
            .GroupBy(t => t.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var sorted = g.Select(t => t.Ms).Order().ToArray();
                    return new CategoryFigures(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1], g.Average(t => t.Hits));
                },
                StringComparer.Ordinal);

        // (4) Optionally the same mix over HTTP through the real web app, and the server's memory.
        var http = options.Http
            ? await HttpBench.RunAsync(engine, connectionString, options, departmentIds, cancellationToken)
            : null;

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        const long Mb = 1024 * 1024;
        return new BenchResult(
            name,
            options.Manuals,
            insertPath,
            Math.Round(insertSeconds, 1),
            Math.Round(reindexSeconds, 1),
            latencies.Length,
            Percentile(latencies, 50),
            Percentile(latencies, 95),
            Percentile(latencies, 99),
            Math.Round(latencies[^1], 2),
            Math.Round(latencies.Length / querySeconds, 1),
            process.PeakWorkingSet64 / Mb,
            process.WorkingSet64 / Mb,
            GC.GetGCMemoryInfo().HeapSizeBytes / Mb,
            await DatabaseSizeAsync(engine, connections, cancellationToken) / Mb,
            categories,
            http);
    }

    private static async Task<int> RunQueryAsync(SearchService search, BenchQuery query, CancellationToken cancellationToken)
    {
        var viewer = query.AsAdmin ? QueryMix.Admin : QueryMix.Reader;
        var results = await search.SearchAsync(viewer, query.Request, cancellationToken);
        return results.Total;
    }

    private static async Task<long> DatabaseSizeAsync(SqlEngine engine, IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sql = engine == SqlEngine.Postgres
            ? "SELECT pg_database_size(current_database())"
            : "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    /// <summary>Nearest-rank percentile of sorted values, in ms rounded to 0.01.</summary>
    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }

    private static string FindSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var samples = Path.Combine(directory.FullName, "samples", "manuals");
            if (File.Exists(Path.Combine(directory.FullName, "Manuals.sln")) && Directory.Exists(samples))
            {
                return samples;
            }
        }

        throw new InvalidOperationException("samples/manuals not found above " + AppContext.BaseDirectory + "; run from the repository.");
    }

    private static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<SearchRebuildProgress> report) : IProgress<SearchRebuildProgress>
    {
        public void Report(SearchRebuildProgress value) => report(value);
    }
}

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Print(IReadOnlyList<BenchResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Search benchmark  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  {Environment.ProcessorCount} cores  .NET {Environment.Version}"));
        Console.WriteLine();
        Console.WriteLine("| engine | manuals | insert s | reindex s | queries | p50 ms | p95 ms | p99 ms | max ms | queries/s | peak WS MB | GC heap MB | DB MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Engine} | {r.Manuals:N0} | {r.InsertSeconds:F1} | {r.ReindexSeconds:F1} | {r.Queries:N0} | {r.P50Ms:F1} | {r.P95Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.QueriesPerSecond:F1} | {r.PeakWorkingSetMb} | {r.GcHeapMb} | {r.DatabaseMb} |"));
        }

        if (results.Any(r => r.Http is not null))
        {
            Console.WriteLine();
            Console.WriteLine("| engine | manuals | HTTP queries | p50 ms | p95 ms | p99 ms | max ms | queries/s | server start s | server RSS MB | server peak RSS MB |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results.Where(r => r.Http is not null))
            {
                var h = r.Http!;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Engine} | {r.Manuals:N0} | {h.Queries:N0} | {h.P50Ms:F1} | {h.P95Ms:F1} | {h.P99Ms:F1} | {h.MaxMs:F1} | {h.QueriesPerSecond:F1} | {h.StartSeconds:F1} | {h.RssMb} | {h.HwmMb} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| engine | query kind | count | p50 ms | p95 ms | max ms | avg hits |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var (kind, c) in r.Categories)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Engine} | {kind} | {c.Count} | {c.P50Ms:F1} | {c.P95Ms:F1} | {c.MaxMs:F1} | {c.AverageHits:F0} |"));
            }
        }

        Console.WriteLine();
        foreach (var r in results)
        {
            Console.WriteLine("BENCH-JSON " + JsonSerializer.Serialize(r, Json));
        }
    }
}
