using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Manuals.Core.Search;
using Manuals.Data.Search.Lucene;

namespace Manuals.Benchmarks;

/// <summary>Apache Lucene 8.7 (CJKAnalyzer) on the same corpus and query list, from the harness in ../shared/anchors/lucene-bench.</summary>
internal sealed record AnchorFigures(double BuildSeconds, double IndexMb, double P50Ms, double P95Ms, double P99Ms, double QueriesPerSecond);

/// <summary>One measured query as the anchor harness reads it, with what our search answered.</summary>
internal sealed record TimedQuery(BenchQuery Query, double Ms, double IndexMs, int Hits);

/// <summary>
/// Feeds the Lucene 8.7 anchor harness (<c>run.sh CORPUS QUERIES WORKDIR cjk</c>) the benchmark's own corpus, read back
/// from the database, and its exact query list, and reads its figures (lines <c>LUCENE-INDEX</c>, <c>LUCENE-SIZE</c>,
/// <c>LUCENE-JSON</c>). The harness needs Debian's liblucene8-java and a JDK.
/// </summary>
internal static partial class LuceneAnchor
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the query list in the harness's format: one JSON object a line, in the order they ran.</summary>
    public static async Task WriteQueriesAsync(string path, IReadOnlyList<TimedQuery> queries, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < queries.Count; i++)
        {
            var (query, ms, _, hits) = queries[i];
            var request = query.Request;
            var filters = request.Filters;
            var line = JsonSerializer.Serialize(
                new Dictionary<string, object?>
                {
                    ["i"] = i,
                    ["category"] = query.Category,
                    ["asAdmin"] = query.AsAdmin,
                    ["text"] = request.Text,
                    ["departmentId"] = filters.DepartmentId,
                    ["tag"] = filters.Tag,
                    ["template"] = filters.Template,
                    ["status"] = filters.Status?.ToString(),
                    ["updatedFrom"] = filters.UpdatedFrom?.ToUnixTimeSeconds(),
                    ["sort"] = request.Sort.ToString(),
                    ["page"] = request.Page,
                    ["appMs"] = Math.Round(ms, 3),
                    ["appHits"] = Math.Min(hits, SearchLimits.MaxCount),
                },
                Json);
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    /// <summary>Writes every manual as the harness indexes it (the current revision's title, tags and body; access fields).</summary>
    public static async Task WriteCorpusAsync(string path, IndexSource source, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        long after = 0;
        while (true)
        {
            var batch = await source.AfterAsync(after, 1_000, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var m in batch)
            {
                var line = JsonSerializer.Serialize(
                    new Dictionary<string, object?>
                    {
                        ["id"] = m.Id,
                        ["title"] = m.Title,
                        ["tags"] = m.Tags,
                        ["body"] = m.Markdown,
                        ["department_id"] = m.DepartmentId,
                        ["visibility"] = m.Visibility.ToString(),
                        ["status"] = m.Status.ToString(),
                        ["template"] = m.Template,
                        ["owner_id"] = m.OwnerId,
                        ["updated"] = m.UpdatedAt.ToUnixTimeSeconds(),
                    },
                    Json);
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            after = batch[^1].Id;
        }
    }

    /// <summary>Runs the harness; its whole output is kept in <c>WORKDIR/lucene.log</c> and its tables go to stderr.</summary>
    public static async Task<AnchorFigures> RunAsync(string anchorDirectory, string corpus, string queries, string workDirectory, CancellationToken cancellationToken)
    {
        var script = Path.Combine(anchorDirectory, "run.sh");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} not found: --anchor names the folder of the Lucene 8.7 harness (../shared/anchors/lucene-bench).");
        }

        if (!File.Exists("/usr/share/java/lucene-core-8.7.0.jar"))
        {
            throw new InvalidOperationException("Apache Lucene 8.7 is missing: apt-get install -y liblucene8-java default-jdk-headless");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, corpus, queries, workDirectory, "cjk" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(workDirectory, "lucene.log"), output + await error, cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Lucene harness failed ({process.ExitCode}): {await error}");
        }

        foreach (var line in output.Split('\n').Where(l => l.StartsWith('|') || l.StartsWith("Lucene ", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine("  lucene " + line);
        }

        var json = JsonDocument.Parse(Single(output, LuceneJson()).Groups[1].Value).RootElement;
        return new AnchorFigures(
            Number(Single(output, LuceneBuild()).Groups[1].Value),
            Number(Single(output, LuceneSize()).Groups[1].Value),
            Math.Round(json.GetProperty("p50Ms").GetDouble(), 2),
            Math.Round(json.GetProperty("p95Ms").GetDouble(), 2),
            Math.Round(json.GetProperty("p99Ms").GetDouble(), 2),
            json.GetProperty("qps").GetDouble());
    }

    private static Match Single(string output, Regex pattern) =>
        pattern.Match(output) is { Success: true } match ? match : throw new InvalidOperationException($"The Lucene harness printed no line matching {pattern}.");

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^LUCENE-JSON (\{.*\})\s*$", RegexOptions.Multiline)]
    private static partial Regex LuceneJson();

    [GeneratedRegex(@"^LUCENE-INDEX .* total_s=([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex LuceneBuild();

    [GeneratedRegex(@"^LUCENE-SIZE .* total_MB=([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex LuceneSize();
}
