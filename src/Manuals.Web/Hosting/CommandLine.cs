using System.Globalization;
using Manuals.Core.Manuals.Import;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Hosting;

/// <summary>
/// Commands run instead of the web server, with the app's configuration and services:
/// <c>dotnet run --project src/Manuals.Web -- import &lt;folder&gt;</c>.
/// </summary>
public sealed class CommandLine
{
    private readonly string _name;
    private readonly string[] _arguments;

    private CommandLine(string name, string[] arguments)
    {
        _name = name;
        _arguments = arguments;
    }

    /// <summary>The command named by the first argument, or null when the app should serve web requests.</summary>
    public static CommandLine? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args is [var first, ..] && first is "import" or "help" or "--help"
            ? new CommandLine(first, args[1..])
            : null;
    }

    /// <summary>Runs the command; returns the process exit code.</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("ja-JP");
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        switch (_name, _arguments)
        {
            case ("import", [var folder]):
                return await ImportAsync(app, l, folder);
            default:
                Console.WriteLine(l["Cli.Usage"]);
                return _name == "import" ? 2 : 0;
        }
    }

    private static async Task<int> ImportAsync(WebApplication app, IStringLocalizer l, string folder)
    {
        var fullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(fullPath))
        {
            await Console.Error.WriteLineAsync(l["Cli.Import.FolderMissing", fullPath]);
            return 2;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Manuals.Import");
        if (!await StartupTasks.MigrateAsync(app.Services, logger))
        {
            return 1;
        }

        var report = await app.Services.GetRequiredService<ManualImporter>().ImportFolderAsync(fullPath, CancellationToken.None);
        foreach (var manual in report.Imported)
        {
            Console.WriteLine(l["Cli.Import.Imported", manual.FileName, manual.Title]);
        }

        foreach (var problem in report.Refused)
        {
            var reason = l[$"Import.{problem.Code}", problem.Detail];
            await Console.Error.WriteLineAsync(l["Cli.Import.Refused", problem.FileName, reason]);
        }

        Console.WriteLine(l["Cli.Import.Summary", report.Imported.Count, report.Refused.Count]);
        return report.Refused.Count == 0 ? 0 : 1;
    }
}
