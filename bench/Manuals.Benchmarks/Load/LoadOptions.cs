using System.Globalization;
using Manuals.Data;

namespace Manuals.Benchmarks.Load;

/// <summary>Options of <c>-- load</c>.</summary>
internal sealed record LoadOptions(IReadOnlyList<SqlEngine> Engines, int Manuals, int Duration, int Warmup, int Seed, string? Database, string? Out)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Manuals.Benchmarks -- load [--engine sqlite|postgres|both] [--manuals N]
                 [--duration S] [--warmup S] [--seed N] [--database FILE|CONNECTION-STRING] [--out FILE]
          --engine    which database engine(s) to run the server on (default both)
          --manuals   manuals to generate (default 100000); employees, tasks, handovers and images scale with it
                      (5,000 / 10,000 / 200 / 300 at 100,000), the 40 departments do not
          --duration  seconds of each measured phase (default 20): the mix at 16 connections, manual pages at 64,
                      the static file at 64
          --warmup    seconds of the unmeasured mix first (default 5)
          --seed      seed of the installation and of the request lists (default 42)
          --database  keep the installation in this SQLite file or PostgreSQL database (one engine only): generated
                      when empty, reused when it holds the installation of --manuals, refused otherwise
          --out       the JSON file to write (default artifacts/bench/load-<UTC time>.json)
        Needs Debian's wrk (apt-get install -y wrk) and, for PostgreSQL, the server binaries (apt-get install -y postgresql).
        """;

    public static LoadOptions? Parse(string[] args)
    {
        IReadOnlyList<SqlEngine> engines = [SqlEngine.Sqlite, SqlEngine.Postgres];
        int manuals = 100_000, duration = 20, warmup = 5, seed = 42;
        string? database = null, output = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--engine" when BenchArguments.TryEngines(value, out engines):
                    break;
                case "--manuals" when BenchArguments.TryCount(value, out manuals):
                case "--duration" when BenchArguments.TryCount(value, out duration):
                case "--warmup" when BenchArguments.TryCount(value, out warmup):
                case "--seed" when BenchArguments.TryCount(value, out seed):
                    break;
                case "--database" when !string.IsNullOrWhiteSpace(value):
                    database = value;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    output = value;
                    break;
                default:
                    return null;
            }

            i++;
        }

        return manuals >= 200 && duration > 0 && warmup > 0 && (database is null || engines.Count == 1)
            ? new LoadOptions(engines, manuals, duration, warmup, seed, database, output)
            : null;
    }
}
