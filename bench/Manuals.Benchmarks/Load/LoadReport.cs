using System.Globalization;
using System.Text.Json;

namespace Manuals.Benchmarks.Load;

/// <summary>The figures of one engine.</summary>
internal sealed record LoadResult(
    string Engine,
    LoadScale Scale,
    bool Reused,
    double GenerationSeconds,
    IReadOnlyDictionary<string, double> GenerationSteps,
    double ServerReadySeconds,
    string LoadAverageAtStart,
    int DurationSeconds,
    IReadOnlyList<WrkFigures> Mix,
    WrkFigures ManualPages64,
    WrkFigures StaticFile64,
    long ServerRssMb,
    long ServerPeakRssMb,
    long ServerPeakSampledMb,
    IReadOnlyDictionary<string, double> AloneMs,
    IReadOnlyList<string> ServerErrors)
{
    public double PageToStaticRatio => StaticFile64.RequestsPerSecond == 0 ? 0 : Math.Round(ManualPages64.RequestsPerSecond / StaticFile64.RequestsPerSecond, 2);

    /// <summary>Issue #18's targets (2 cores, the full size), each with what was measured.</summary>
    public IReadOnlyList<TargetCheck> Targets
    {
        get
        {
            var checks = new List<TargetCheck>
            {
                new("manual page at 64 clients: ≥ 1,000 req/s", Fixed(ManualPages64.RequestsPerSecond, "req/s"), ManualPages64.RequestsPerSecond >= 1_000),
                new("manual page at 64 clients: p99 ≤ 50 ms", Fixed(ManualPages64.P99Ms, "ms"), ManualPages64.P99Ms <= 50),
                new("manual page at 64 clients: ≥ half the static file's req/s", Fixed(PageToStaticRatio, "of the ceiling"), PageToStaticRatio >= 0.5),
            };
            checks.AddRange(Mix.Where(f => f.Type != "save").Select(f =>
                new TargetCheck($"{f.Type} in the mix at 16 clients: p95 ≤ 100 ms", Latency(f), Completed(f) && f.P95Ms <= 100)));
            checks.AddRange(Mix.Where(f => f.Type == "save").Select(f =>
                new TargetCheck("saves while the mix runs: p95 ≤ 150 ms", Latency(f), Completed(f) && f.P95Ms <= 150)));
            checks.Add(new("server peak RSS (VmHWM) ≤ 400 MB", Fixed(ServerPeakRssMb, "MB"), ServerPeakRssMb <= 400));
            var errors = Mix.Concat([ManualPages64, StaticFile64]).Sum(f => f.Errors);
            var wrapped = Mix.Any(f => f.Type == "save" && f.Wrapped);
            checks.Add(new("no errors", Fixed(errors, "errors") + (wrapped ? " (the save list ran out: saves met earlier ones)" : ""), errors == 0 && !wrapped));
            return checks;
        }
    }

    /// <summary>p95, or that no request of the type completed within the phase (wrk then has no latency to give).</summary>
    private static string Latency(WrkFigures f) => Completed(f) ? Fixed(f.P95Ms, "ms") : "none completed";

    /// <summary>Whether wrk timed any request of the type: a request that timed out is counted but has no latency.</summary>
    private static bool Completed(WrkFigures f) => f.Requests > 0 && f.P95Ms > 0;

    private static string Fixed(double value, string unit) => string.Create(CultureInfo.InvariantCulture, $"{value:N1} {unit}");
}

/// <summary>One target: what it asks, what was measured, whether it was met.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Pass);

internal static class LoadReport
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Prints the tables and returns the same figures as JSON.</summary>
    public static string Print(IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"Load benchmark  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  {Environment.ProcessorCount} cores  .NET {Environment.Version}  wrk on the same cores"));
        foreach (var r in results)
        {
            Console.WriteLine();
            Console.WriteLine($"### {r.Engine}: {r.Scale}");
            Console.WriteLine();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Generation: {(r.Reused ? "reused" : $"{r.GenerationSeconds:F0} s ({string.Join(", ", r.GenerationSteps.Select(s => $"{s.Key} {s.Value:F0} s"))})")}. " +
                $"Server ready (/readyz) after {r.ServerReadySeconds:F1} s. Load average at start: {r.LoadAverageAtStart}. Each phase {r.DurationSeconds} s."));
            Console.WriteLine();
            Console.WriteLine("| phase | request type | alone ms | connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | target | result |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
            foreach (var f in r.Mix)
            {
                var (target, pass) = f.Type == "save" ? ("p95 ≤ 150 ms", f.P95Ms <= 150) : ("p95 ≤ 100 ms", f.P95Ms <= 100);
                Row("mix", f, r.AloneMs, target, Verdict(pass && f.Errors == 0 && f.Requests > 0));
            }

            var page = r.ManualPages64;
            Row("64 clients", page, r.AloneMs, "≥ 1,000 req/s, p99 ≤ 50 ms, ≥ ½ static", Verdict(page.RequestsPerSecond >= 1_000 && page.P99Ms <= 50 && r.PageToStaticRatio >= 0.5 && page.Errors == 0));
            Row("64 clients", r.StaticFile64, r.AloneMs, "ceiling", "");
            Console.WriteLine();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Manual page / static file at 64 clients: {r.ManualPages64.RequestsPerSecond:N0} / {r.StaticFile64.RequestsPerSecond:N0} req/s = {r.PageToStaticRatio:F2}. " +
                $"Server RSS at the end {r.ServerRssMb} MB, peak (VmHWM) {r.ServerPeakRssMb} MB, highest sampled {r.ServerPeakSampledMb} MB."));
            foreach (var f in r.Mix.Concat([r.ManualPages64, r.StaticFile64]).Where(f => f.Errors > 0))
            {
                Console.WriteLine($"Errors of {f.Type} ({f.Connections} connections): {f.ErrorDetail}");
            }

            foreach (var error in r.ServerErrors)
            {
                Console.WriteLine($"Server log: {error}");
            }

            Console.WriteLine();
            Console.WriteLine("| target | measured | result |");
            Console.WriteLine("|---|---:|---|");
            foreach (var t in r.Targets)
            {
                Console.WriteLine($"| {t.Target} | {t.Measured} | {Verdict(t.Pass)} |");
            }
        }

        var json = JsonSerializer.Serialize(results.Select(r => new { result = r, r.PageToStaticRatio, r.Targets }), Json);
        Console.WriteLine();
        Console.WriteLine("LOAD-JSON " + JsonSerializer.Serialize(results.Select(r => new { result = r, r.PageToStaticRatio, r.Targets })));
        return json;
    }

    private static void Row(string phase, WrkFigures f, IReadOnlyDictionary<string, double> alone, string target, string verdict) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {phase} | {f.Type} | {alone.GetValueOrDefault(f.Type):F1} | {f.Connections} | {f.Requests:N0} | {f.RequestsPerSecond:N1} | {f.P50Ms:F1} | {f.P95Ms:F1} | {f.P99Ms:F1} | {f.MaxMs:F1} | {f.Errors:N0} | {target} | {verdict} |"));

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";
}
