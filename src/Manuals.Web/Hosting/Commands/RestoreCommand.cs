using System.CommandLine;
using Manuals.Data.Operations;
using Manuals.Web.Shared;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// <c>restore &lt;file&gt; [--force]</c>: checks the backup's manifest and restores it into the configured database,
/// which must be empty unless <c>--force</c>; verifies every table afterwards. Every node then rebuilds its search index.
/// </summary>
public static class RestoreCommand
{
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("file") { Description = context.Text["Cli.Restore.File"] };
        var force = new Option<bool>("--force") { Description = context.Text["Cli.Restore.Force"] };
        var command = new Command("restore", context.Text["Cli.Restore.Description"]) { file, force };
        command.SetAction((parsed, cancellationToken) =>
        {
            var path = Path.GetFullPath(parsed.GetRequiredValue(file));
            var backup = context.Services.GetRequiredService<DatabaseBackup>();
            return OperationCommands.RunAsync(
                context,
                async progress =>
                {
                    var manifest = await backup.ReadManifestAsync(path, cancellationToken);
                    context.Say("Cli.Restore.Manifest", context.Services.GetRequiredService<TimeDisplay>().Format(manifest.CreatedAt),
                        manifest.AppVersion, manifest.SchemaVersion, manifest.Engine, manifest.Tables.Count);
                    return await backup.RestoreAsync(path, parsed.GetValue(force), progress, cancellationToken);
                },
                manifest => context.Say("Cli.Restore.Done", manifest.Tables.Count, manifest.Tables.Sum(t => t.Rows)),
                hint: "Cli.Restore.ForceHint");
        });
        return command;
    }
}
