using System.CommandLine;
using Manuals.Data.Operations;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// <c>reindex</c>: asks every node, through the database, to rebuild its own search index (a running node at its next
/// journal sync, a stopped one at its start). It never opens an index folder, so it works while the app runs.
/// </summary>
public static class ReindexCommand
{
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("reindex", context.Text["Cli.Reindex.Description"]);
        command.SetAction(async (_, cancellationToken) =>
        {
            if (!await context.MigrateAsync("Manuals.Reindex"))
            {
                return ExitCodes.Failed;
            }

            await context.Services.GetRequiredService<SearchIndexRebuild>().RequestAsync(cancellationToken);
            context.Say("Cli.Reindex.Requested");
            return ExitCodes.Done;
        });
        return command;
    }
}
