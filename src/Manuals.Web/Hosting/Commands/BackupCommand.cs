using System.CommandLine;
using Manuals.Data.Operations;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// <c>backup &lt;file&gt;</c>: an online backup of the configured database into one file (a manifest with each table's
/// rows and checksum, and the data); refuses to overwrite a file. The app may keep running.
/// </summary>
public static class BackupCommand
{
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("file") { Description = context.Text["Cli.Backup.File"] };
        var command = new Command("backup", context.Text["Cli.Backup.Description"]) { file };
        command.SetAction((parsed, cancellationToken) =>
        {
            var path = Path.GetFullPath(parsed.GetRequiredValue(file));
            return OperationCommands.RunAsync(
                context,
                progress => context.Services.GetRequiredService<DatabaseBackup>().CreateAsync(path, progress, cancellationToken),
                manifest => context.Say(
                    "Cli.Backup.Done", path, manifest.Tables.Count, manifest.Tables.Sum(t => t.Rows), manifest.SchemaVersion));
        });
        return command;
    }
}
