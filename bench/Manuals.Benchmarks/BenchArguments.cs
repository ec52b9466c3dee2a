using System.Globalization;
using Manuals.Data;

namespace Manuals.Benchmarks;

/// <summary>What the search and load benchmarks read from their command lines alike, and how both stop on Ctrl+C.</summary>
internal static class BenchArguments
{
    /// <summary>The engines <c>--engine sqlite|postgres|both</c> names; false for anything else.</summary>
    public static bool TryEngines(string? value, out IReadOnlyList<SqlEngine> engines)
    {
        engines = value switch
        {
            "sqlite" => [SqlEngine.Sqlite],
            "postgres" => [SqlEngine.Postgres],
            "both" => [SqlEngine.Sqlite, SqlEngine.Postgres],
            _ => [],
        };
        return engines.Count > 0;
    }

    /// <summary>A count written as plain digits.</summary>
    public static bool TryCount(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Cancelled when the user presses Ctrl+C, so a run stops its server and cluster instead of leaving them.</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel;
    }
}
