using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Manuals.Data.Operations;

/// <summary>
/// Runs <c>pg_dump</c> and <c>pg_restore</c> from the server's packages: the newest <c>/usr/lib/postgresql/*/bin</c>
/// (Debian's layout; a dump tool must be at least as new as the server), else the one on <c>PATH</c>. The connection
/// goes through libpq's environment variables, so a password never shows on a command line.
/// </summary>
internal static class PostgresTools
{
    public static string Find(string tool)
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Path: System.IO.Path.Combine(d, "bin", tool), Version: Version.TryParse(AsVersion(System.IO.Path.GetFileName(d)), out var v) ? v : null))
                .Where(c => c.Version is not null && File.Exists(c.Path))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Path)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => System.IO.Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new OperationRefusedException(
            OperationRefusal.ToolMissing, $"{tool} (looked in /usr/lib/postgresql/*/bin and on PATH; install the postgresql-client package)");
    }

    /// <summary>Runs <paramref name="tool"/> against the database of <paramref name="connectionString"/>; throws with its error output when it fails.</summary>
    public static async Task RunAsync(string tool, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Set(start, "PGHOST", builder.Host);
        Set(start, "PGPORT", builder.Port.ToString(CultureInfo.InvariantCulture));
        Set(start, "PGUSER", builder.Username);
        Set(start, "PGPASSWORD", builder.Password);
        Set(start, "PGDATABASE", builder.Database);
        Set(start, "PGSSLMODE", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });

        using var process = Process.Start(start) ?? throw new OperationRefusedException(OperationRefusal.ToolMissing, tool);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}");
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
        else
        {
            start.Environment.Remove(name);
        }
    }

    private static string AsVersion(string text) => text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
}
