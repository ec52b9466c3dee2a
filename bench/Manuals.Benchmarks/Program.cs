using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Manuals.Benchmarks;
using Manuals.Core;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data;
using Manuals.Data.Migrations;
using Manuals.Data.Search;
using Manuals.Data.Search.Lucene;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// Search benchmark (issue #4, item 8); with "images" first the upload pipeline's time per image (issue #15); with "load"
// first the load benchmark of the whole app (issue #18).
// See bench/README.md.
if (args is ["images", ..])
{
    return await ImageBench.RunAsync(args[1..]);
}

if (args is ["load", ..])
{
    return await Manuals.Benchmarks.Load.LoadBench.RunAsync(args[1..]);
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = BenchArguments.CancelOnCtrlC();

var results = new List<BenchResult>();
foreach (var engine in options.Engines)
{
    results.Add(await BenchRunner.RunAsync(engine, options, cancel.Token));
}

Report.Print(results);
return 0;

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<SqlEngine> Engines, int Manuals, int Queries, int Warmup, int Seed, string? Database, bool Reindex, bool Http,
    string? QueriesOut, string? Anchor)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Manuals.Benchmarks -- --engine sqlite|postgres|both --manuals N [--queries N] [--warmup N] [--seed N]
                 [--database FILE|CONNECTION-STRING] [--no-reindex] [--http] [--queries-out FILE] [--anchor DIR]
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
          --queries-out write the measured query list, with our time and count for each, in the format of the
                        Lucene 8.7 anchor harness (one JSON object a line)
          --anchor      the folder of the Lucene 8.7 anchor harness (../shared/anchors/lucene-bench): after our queries,
                        index the same corpus with Apache Lucene 8.7 CJK and run the same query list there, then run
                        ours again, and print both side by side with the ratio (needs liblucene8-java and a JDK)
        """;

    public static BenchOptions? Parse(string[] args)
    {
        IReadOnlyList<SqlEngine> engines = [SqlEngine.Sqlite, SqlEngine.Postgres];
        int manuals = 10_000, queries = 1_000, warmup = 50, seed = 42;
        string? database = null, queriesOut = null, anchor = null;
        var reindex = true;
        var http = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--engine" when BenchArguments.TryEngines(value, out engines):
                    break;
                case "--manuals" when BenchArguments.TryCount(value, out manuals):
                case "--queries" when BenchArguments.TryCount(value, out queries):
                case "--warmup" when BenchArguments.TryCount(value, out warmup):
                case "--seed" when BenchArguments.TryCount(value, out seed):
                    break;
                case "--database" when !string.IsNullOrWhiteSpace(value):
                    database = value;
                    break;
                case "--queries-out" when !string.IsNullOrWhiteSpace(value):
                    queriesOut = value;
                    break;
                case "--anchor" when !string.IsNullOrWhiteSpace(value):
                    anchor = Path.GetFullPath(value);
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
            ? new BenchOptions(engines, manuals, queries, warmup, seed, database, reindex, http, queriesOut, anchor)
            : null;
    }
}

/// <summary>The figures of one engine.</summary>
internal sealed record BenchResult(
    string Engine,
    int Manuals,
    string InsertPath,
    double InsertSeconds,
    double ReindexSeconds,
    double CatchUpSeconds,
    int CatchUpRows,
    long IndexMb,
    int Queries,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double IndexP95Ms,
    double QueriesPerSecond,
    long PeakWorkingSetMb,
    long WorkingSetMb,
    long GcHeapMb,
    long DatabaseMb,
    IReadOnlyDictionary<string, CategoryFigures> Categories,
    AnchorRun? Anchor,
    HttpFigures? Http);

/// <summary>Latency of one kind of query.</summary>
internal sealed record CategoryFigures(int Count, double P50Ms, double P95Ms, double MaxMs, double AverageHits);

/// <summary>Lucene 8.7 in the same run, between two passes of ours over the same queries.</summary>
internal sealed record AnchorRun(AnchorFigures Lucene, double SecondP50Ms, double SecondP95Ms, double SecondP99Ms)
{
    /// <summary>Our p95 (mean of the two passes around Lucene's) over Lucene's.</summary>
    public double Ratio(double firstP95Ms) => Math.Round((firstP95Ms + SecondP95Ms) / 2 / Lucene.P95Ms, 2);
}

internal static class BenchRunner
{
    private static readonly Author BenchAuthor = new(null, "ベンチマーク");

    /// <summary>Journal rows applied at once for the catch-up figure (DESIGN.md: 1,000 within 2 s).</summary>
    private const int CatchUpRows = 1_000;

    // Queries slower than this are named on stderr, to see which ones set the tail.
    private const double SlowMs = 60;

    public static async Task<BenchResult> RunAsync(SqlEngine engine, BenchOptions options, CancellationToken cancellationToken)
    {
        var name = engine == SqlEngine.Postgres ? "postgres" : "sqlite";
        Log($"== {name}: {options.Manuals:N0} manuals");
        PostgresCluster? cluster = null;
        string? temporary = null;
        IDbConnectionFactory connections;
        string connectionString;
        string indexPath;
        if (options.Database is not null)
        {
            Log($"using the database {options.Database} (kept)");
            connectionString = engine == SqlEngine.Postgres ? options.Database : $"Data Source={Path.GetFullPath(options.Database)}";
            connections = engine == SqlEngine.Postgres
                ? new PostgresConnectionFactory(connectionString)
                : new SqliteConnectionFactory(connectionString);
            // Kept too: beside the SQLite file, as the app keeps it; for PostgreSQL under the temp folder, per database.
            indexPath = engine == SqlEngine.Sqlite
                ? Path.GetFullPath(options.Database) + ".search-index"
                : Path.Combine(Path.GetTempPath(), "manuals-bench-index-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(connectionString)))[..12]);
        }
        else
        {
            temporary = Directory.CreateTempSubdirectory("manuals-bench-").FullName;
            indexPath = Path.Combine(temporary, "search-index");
            if (engine == SqlEngine.Postgres)
            {
                Log("starting a private PostgreSQL cluster (unix socket, fsync off)");
                cluster = await PostgresCluster.StartAsync(cancellationToken);
                connectionString = await cluster.CreateDatabaseAsync(cancellationToken);
                connections = new PostgresConnectionFactory(connectionString);
            }
            else
            {
                connectionString = $"Data Source={Path.Combine(temporary, "manuals.db")}";
                connections = new SqliteConnectionFactory(connectionString);
            }
        }

        Log($"search index in {indexPath}");
        try
        {
            var (result, departmentIds) = await MeasureAsync(name, engine, connections, indexPath, options, cancellationToken);

            // (6) Optionally the same mix over HTTP through the real web app (which opens the same index folder, now
            // closed here), and the server's memory.
            var http = options.Http
                ? await HttpBench.RunAsync(engine, connectionString, indexPath, options, departmentIds, cancellationToken)
                : null;
            return result with { Http = http };
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

    private static async Task<(BenchResult Result, IReadOnlyList<long> DepartmentIds)> MeasureAsync(
        string name, SqlEngine engine, IDbConnectionFactory connections, string indexPath, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(connections)
            .AddManualsStores()
            .AddLuceneSearch(indexPath)
            .AddManualsCore()
            .BuildServiceProvider();
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var departmentIds = (await services.GetRequiredService<IDepartmentStore>().ListAsync(cancellationToken)).Select(d => d.Id).ToList();
        var generator = new ManualGenerator(options.Seed, departmentIds, Path.Combine(FindRepository(), "samples", "manuals"));

        // (1) Insert through the real ManualStore.CreateAsync: manual row, revision 1, tags and the search journal row
        // in one transaction per manual, exactly as a writer's save.
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
        if (toInsert > 0 && engine == SqlEngine.Postgres)
        {
            // What autovacuum and the checkpointer would do in the minutes after a bulk load, done now, so that they do
            // not share the two cores with the measured passes (they did: the first searches ran beside a vacuum).
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("VACUUM (ANALYZE)", commandTimeout: 600, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("CHECKPOINT", commandTimeout: 600, commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken));
            Log($"vacuumed, analysed and checkpointed the database ({insertClock.Elapsed.TotalSeconds - insertSeconds:F0} s, not part of insert s)");
        }

        // (2) Full rebuild through the real ISearchIndex.RebuildAsync (what `-- reindex` and the admin button run): a
        // new generation beside the one in use, swapped in. Without it, the first sync builds a missing index.
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

        await index.CatchUpAsync(cancellationToken);

        // (3) Catch-up: journal rows for 1,000 manuals, as 1,000 saves on other nodes would leave them, applied at once.
        var catchUpSeconds = await CatchUpAsync(connections, index, cancellationToken);
        var indexMb = DirectorySize(indexPath) / (1024 * 1024);

        // (4) The query mix through the real SearchService, one query at a time, after a warm-up.
        var timed = new TimedSearchIndex(index);
        var search = new SearchService(
            timed, services.GetRequiredService<ISynonymStore>(), services.GetRequiredService<MarkdownRenderer>(), services.GetRequiredService<IBusinessTaskStore>());
        foreach (var warm in QueryMix.Create(options.Warmup, options.Seed + 1, departmentIds))
        {
            await RunQueryAsync(search, timed, warm, cancellationToken);
        }

        // The measured list once unmeasured first (the anchor harness runs its list three times before measuring): the
        // figures are those of a node that has been running, its code compiled and its per-segment caches filled.
        var queries = QueryMix.Create(options.Queries, options.Seed, departmentIds);
        Log("a warm pass over the measured queries");
        await RunPassAsync(search, timed, queries, cancellationToken);

        var (timings, querySeconds) = await RunPassAsync(search, timed, queries, cancellationToken);
        if (options.QueriesOut is not null)
        {
            await LuceneAnchor.WriteQueriesAsync(options.QueriesOut, timings, cancellationToken);
            Log($"query list written to {options.QueriesOut}");
        }

        // (5) Apache Lucene 8.7 on the same corpus and queries, then ours once more: the machine is shared, so the
        // ratio is taken from passes run close together.
        AnchorRun? anchor = null;
        if (options.Anchor is not null)
        {
            var work = Path.Combine(FindRepository(), "artifacts", "bench", $"anchor-{name}-{options.Manuals}");
            Directory.CreateDirectory(work);
            var corpus = Path.Combine(work, "corpus.jsonl");
            var list = Path.Combine(work, "queries.jsonl");
            await LuceneAnchor.WriteCorpusAsync(corpus, services.GetRequiredService<IndexSource>(), cancellationToken);
            await LuceneAnchor.WriteQueriesAsync(list, timings, cancellationToken);
            Log($"Lucene 8.7 anchor: corpus and queries in {work}");
            var lucene = await LuceneAnchor.RunAsync(options.Anchor, corpus, list, work, cancellationToken);
            Log("ours again, after Lucene");
            var (second, _) = await RunPassAsync(search, timed, queries, cancellationToken);
            var sorted = second.Select(t => t.Ms).Order().ToArray();
            anchor = new AnchorRun(lucene, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99));
        }

        var latencies = timings.Select(t => t.Ms).Order().ToArray();
        var categories = timings
            .GroupBy(t => t.Query.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var sorted = g.Select(t => t.Ms).Order().ToArray();
                    return new CategoryFigures(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1], g.Average(t => t.Hits));
                },
                StringComparer.Ordinal);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        const long Mb = 1024 * 1024;
        var result = new BenchResult(
            name,
            options.Manuals,
            insertPath,
            Math.Round(insertSeconds, 1),
            Math.Round(reindexSeconds, 1),
            Math.Round(catchUpSeconds, 2),
            CatchUpRows,
            indexMb,
            latencies.Length,
            Percentile(latencies, 50),
            Percentile(latencies, 95),
            Percentile(latencies, 99),
            Math.Round(latencies[^1], 2),
            Percentile(timings.Select(t => t.IndexMs).Order().ToArray(), 95),
            Math.Round(latencies.Length / querySeconds, 1),
            process.PeakWorkingSet64 / Mb,
            process.WorkingSet64 / Mb,
            GC.GetGCMemoryInfo().HeapSizeBytes / Mb,
            await DatabaseSizeAsync(engine, connections, cancellationToken) / Mb,
            categories,
            anchor,
            null);
        return (result, departmentIds);
    }

    /// <summary>Appends journal rows for <see cref="CatchUpRows"/> manuals spread over the corpus and times applying them.</summary>
    private static async Task<double> CatchUpAsync(IDbConnectionFactory connections, ISearchIndex index, CancellationToken cancellationToken)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            var ids = (await connection.QueryAsync<long>(new CommandDefinition("SELECT id FROM manuals ORDER BY id", cancellationToken: cancellationToken))).ToList();
            var step = Math.Max(1, ids.Count / CatchUpRows);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SearchJournalWriter.AppendAsync(connection, transaction, ids.Where((_, i) => i % step == 0).Take(CatchUpRows), SearchJournalKind.Upsert, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var applied = await index.CatchUpAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Log($"caught up {applied:N0} journal rows in {seconds:F2} s");
        return seconds;
    }

    private static async Task<(List<TimedQuery> Timings, double Seconds)> RunPassAsync(
        SearchService search, TimedSearchIndex timed, IReadOnlyList<BenchQuery> queries, CancellationToken cancellationToken)
    {
        var timings = new List<TimedQuery>(queries.Count);
        var (pauses, collections, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.GetTotalAllocatedBytes());
        var clock = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var (hits, indexMs) = await RunQueryAsync(search, timed, query, cancellationToken);
            timings.Add(new TimedQuery(query, Stopwatch.GetElapsedTime(started).TotalMilliseconds, indexMs, hits));
            if (timings[^1].Ms > SlowMs)
            {
                Log($"slow: {timings[^1].Ms:F0} ms (index {indexMs:F0}) {query.Category} {query.Request} as {(query.AsAdmin ? "admin" : "reader")}");
            }

            if (timings.Count % Math.Max(1, queries.Count / 10) == 0)
            {
                Log($"queried {timings.Count:N0} / {queries.Count:N0} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        Log($"during the pass: {(GC.GetTotalAllocatedBytes() - allocated) / (1024 * 1024):N0} MB allocated, {GC.CollectionCount(0) - collections:N0} garbage collections, paused {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms");
        return (timings, clock.Elapsed.TotalSeconds);
    }

    private static async Task<(int Hits, double IndexMs)> RunQueryAsync(SearchService search, TimedSearchIndex timed, BenchQuery query, CancellationToken cancellationToken)
    {
        var viewer = query.AsAdmin ? QueryMix.Admin : QueryMix.Reader;
        timed.TakeMs();
        var results = await search.SearchAsync(viewer, query.Request, cancellationToken);
        return (results.Total, timed.TakeMs());
    }

    private static long DirectorySize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

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

    /// <summary>The repository's root folder (the one holding Manuals.sln and samples/manuals).</summary>
    internal static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Manuals.sln")) && Directory.Exists(Path.Combine(directory.FullName, "samples", "manuals")))
            {
                return directory.FullName;
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
        Console.WriteLine("| engine | manuals | insert s | rebuild s | catch-up 1,000 rows s | index MB | queries | p50 ms | p95 ms | p99 ms | max ms | index p95 ms | queries/s | peak WS MB | GC heap MB | DB MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Engine} | {r.Manuals:N0} | {r.InsertSeconds:F1} | {r.ReindexSeconds:F1} | {r.CatchUpSeconds:F2} | {r.IndexMb:N0} | {r.Queries:N0} | {r.P50Ms:F1} | {r.P95Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.IndexP95Ms:F1} | {r.QueriesPerSecond:F1} | {r.PeakWorkingSetMb} | {r.GcHeapMb} | {r.DatabaseMb} |"));
        }

        if (results.Any(r => r.Anchor is not null))
        {
            Console.WriteLine();
            Console.WriteLine("| engine | manuals | build s | index MB | p50 ms | p95 ms | p99 ms | p95 / Lucene's |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results.Where(r => r.Anchor is not null))
            {
                var a = r.Anchor!;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| ours ({r.Engine}), before Lucene | {r.Manuals:N0} | {r.ReindexSeconds:F1} | {r.IndexMb:N0} | {r.P50Ms:F1} | {r.P95Ms:F1} | {r.P99Ms:F1} | {r.P95Ms / a.Lucene.P95Ms:F2} |"));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| Lucene 8.7 CJK | {r.Manuals:N0} | {a.Lucene.BuildSeconds:F1} | {a.Lucene.IndexMb:N0} | {a.Lucene.P50Ms:F1} | {a.Lucene.P95Ms:F1} | {a.Lucene.P99Ms:F1} | 1.00 |"));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| ours ({r.Engine}), after Lucene | {r.Manuals:N0} | | | {a.SecondP50Ms:F1} | {a.SecondP95Ms:F1} | {a.SecondP99Ms:F1} | {a.SecondP95Ms / a.Lucene.P95Ms:F2} |"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio of p95 (ours, mean of both passes / Lucene 8.7): {a.Ratio(r.P95Ms):F2} (target at most 1.5)"));
            }
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
