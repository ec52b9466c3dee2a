using System.CommandLine;
using Manuals.Core.Audit;
using Manuals.Core.Manuals.Import;
using Manuals.Web.Features.Audit;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// <c>import &lt;folder&gt;</c>: imports the Markdown manuals of a folder (the samples' format), naming each file imported
/// or refused; exits with <see cref="ExitCodes.Failed"/> when any file was refused. Audited as 「コマンドライン」.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = new Argument<string>("folder") { Description = context.Text["Cli.Import.Folder"] };
        var command = new Command("import", context.Text["Cli.Import.Description"]) { folder };
        command.SetAction((parsed, _) => RunAsync(context, parsed.GetRequiredValue(folder)));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string folder)
    {
        var fullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(fullPath))
        {
            context.Complain("Cli.Import.FolderMissing", fullPath);
            return ExitCodes.Usage;
        }

        if (!await context.MigrateAsync("Manuals.Import"))
        {
            return ExitCodes.Failed;
        }

        var report = await context.Services.GetRequiredService<ManualImporter>().ImportFolderAsync(fullPath, CancellationToken.None);
        foreach (var manual in report.Imported)
        {
            context.Say("Cli.Import.Imported", manual.FileName, manual.Title);
        }

        foreach (var problem in report.Refused)
        {
            context.Complain("Cli.Import.Refused", problem.FileName, context.Text[$"Import.{problem.Code}", problem.Detail]);
        }

        context.Say("Cli.Import.Summary", report.Imported.Count, report.Refused.Count);
        await using (var scope = context.Services.CreateAsyncScope())
        {
            // No one is signed in on the command line: the entry names 「コマンドライン」 as the actor. The log is in Japanese
            // whatever --lang says.
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsAsync(
                AuditActors.CommandLine,
                AuditAction.Import,
                report.Refused.Count == 0 ? AuditOutcome.Success : AuditOutcome.Failure,
                new AuditTarget(AuditTargetType.File, null, fullPath),
                StartupTasks.ConsoleText(context.Services, "Audit.Detail.MarkdownImport", report.Imported.Count, report.Refused.Count));
        }

        return report.Refused.Count == 0 ? ExitCodes.Done : ExitCodes.Failed;
    }
}
