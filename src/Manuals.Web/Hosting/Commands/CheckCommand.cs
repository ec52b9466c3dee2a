using System.CommandLine;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// <c>check</c>: a read-only report, one line per finding (<see cref="InstallationCheck"/>); exits with
/// <see cref="ExitCodes.Failed"/> when something needs attention, each such line saying what to do.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("check", context.Text["Cli.Check.Description"]);
        command.SetAction(async (_, cancellationToken) =>
        {
            var findings = await new InstallationCheck(context.Services, context.Text).RunAsync(cancellationToken);
            foreach (var finding in findings)
            {
                // One report on standard output, in order, so it reads the same in a terminal, a file or a mail from cron.
                Console.WriteLine($"{context.Text[$"Cli.Check.Level.{finding.Level}"]} {finding.Message}");
            }

            var attention = findings.Count(f => f.Level == CheckLevel.Attention);
            context.Say(attention == 0 ? "Cli.Check.AllWell" : "Cli.Check.NeedsAttention", attention);
            return attention == 0 ? ExitCodes.Done : ExitCodes.Failed;
        });
        return command;
    }
}
