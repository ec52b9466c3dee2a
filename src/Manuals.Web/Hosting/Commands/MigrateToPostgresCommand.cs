using System.CommandLine;
using Manuals.Data.Operations;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// <c>migrate-to-postgres --to &lt;connection string&gt;</c>: copies everything from the configured SQLite database into an
/// empty PostgreSQL database, verifying rows and checksums per table; refuses a target that holds data.
/// </summary>
public static class MigrateToPostgresCommand
{
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = new Option<string>("--to") { Description = context.Text["Cli.Migrate.To"], Required = true, HelpName = "connection-string" };
        var command = new Command("migrate-to-postgres", context.Text["Cli.Migrate.Description"]) { to };
        command.SetAction((parsed, cancellationToken) => OperationCommands.RunAsync(
            context,
            // The connection string holds a password: it is never printed.
            progress => context.Services.GetRequiredService<PostgresMigration>().CopyAsync(parsed.GetRequiredValue(to), progress, cancellationToken),
            tables => context.Say("Cli.Migrate.Done", tables.Count, tables.Sum(t => t.Rows))));
        return command;
    }
}
