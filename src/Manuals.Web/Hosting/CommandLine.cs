using System.Diagnostics;
using System.Globalization;
using Manuals.Core.Audit;
using Manuals.Core.Manuals.Import;
using Manuals.Core.Search;
using Manuals.Data.Search.Lucene;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Hosting;

/// <summary>
/// Commands run instead of the web server, with the app's configuration and services:
/// <c>dotnet run --project src/Manuals.Web -- import &lt;folder&gt;</c> and <c>-- reindex</c>.
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
        return args is [var first, ..] && first is "import" or "reindex" or "help" or "--help"
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
            case ("reindex", []):
                return await ReindexAsync(app, l);
            default:
                Console.WriteLine(l["Cli.Usage"]);
                return _name is "import" or "reindex" ? 2 : 0;
        }
    }

    /// <summary>
    /// Rebuilds this node's search index (the folder the app's configuration names) with a progress bar: a new index
    /// beside the old one, swapped in at the end. The running app holds its index, so this is for a stopped app.
    /// </summary>
    private static async Task<int> ReindexAsync(WebApplication app, IStringLocalizer l)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Manuals.Reindex");
        if (!await StartupTasks.MigrateAsync(app.Services, logger))
        {
            return 1;
        }

        ISearchIndex index;
        try
        {
            index = app.Services.GetRequiredService<ISearchIndex>();
        }
        catch (SearchIndexInUseException ex)
        {
            // Each node's index belongs to its process; the running app rebuilds its own from the admin page.
            await Console.Error.WriteLineAsync(l["Cli.Reindex.InUse", ex.Path]);
            return 1;
        }

        Console.WriteLine(l["Cli.Reindex.Start"]);
        var stopwatch = Stopwatch.StartNew();
        var progress = new ConsoleProgressBar(Console.Out, interactive: !Console.IsOutputRedirected);
        var count = await index.RebuildAsync(progress, CancellationToken.None);
        Console.WriteLine(l["Cli.Reindex.Done", count, stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture)]);
        return 0;
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
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // No one is signed in on the command line: the entry names 「コマンドライン」 as the actor.
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsAsync(
                AuditActors.CommandLine,
                AuditAction.Import,
                report.Refused.Count == 0 ? AuditOutcome.Success : AuditOutcome.Failure,
                new AuditTarget(AuditTargetType.File, null, fullPath),
                l["Audit.Detail.MarkdownImport", report.Imported.Count, report.Refused.Count].Value);
        }

        return report.Refused.Count == 0 ? 0 : 1;
    }
}
