using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// The admin command line (System.CommandLine): <c>dotnet run --project src/Manuals.Web -- &lt;command&gt;</c> runs one
/// command with the app's configuration and services instead of the web server. One file per command in this folder;
/// each writes the database (and through it the search journal), never a node's search index.
/// </summary>
public static class AdminCommandLine
{
    /// <summary>
    /// Whether the arguments name a command (or ask for help) rather than configure the web server, whose arguments are
    /// <c>--key value</c> or <c>key=value</c> pairs.
    /// </summary>
    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args is [var first, ..]
            && ((!first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal))
                || first is "--help" or "-h" or "-?" or "--version" or "--lang"
                || first.StartsWith("--lang=", StringComparison.Ordinal));
    }

    /// <summary>Parses and runs the command; returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(services);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CommandLanguage.Choose(args);
        var context = new CommandContext(services, services.GetRequiredService<IStringLocalizer<SharedResource>>());
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            await Console.Error.WriteLineAsync(context.Text["Cli.UsageError"]);
            foreach (var error in parsed.Errors)
            {
                // System.CommandLine's own Japanese messages end in 「。」 and it appends a period as well.
                await Console.Error.WriteLineAsync("  " + error.Message.Replace("。.", "。", StringComparison.Ordinal));
            }

            await Console.Error.WriteLineAsync(context.Text["Cli.SeeHelp", string.Join(' ', CommandPath(parsed))]);
            return ExitCodes.Usage;
        }

        // Only help and --version write to the configured output (commands write to the console): collected, so the one
        // help heading System.CommandLine does not translate can be.
        using var help = new StringWriter(CultureInfo.CurrentCulture);
        var exitCode = await parsed.InvokeAsync(new InvocationConfiguration { Output = help }, CancellationToken.None);
        Console.Write(help.ToString().Replace("Description:", context.Text["Cli.Help.DescriptionTitle"], StringComparison.Ordinal));
        return exitCode;
    }

    private static RootCommand Build(CommandContext context)
    {
        var l = context.Text;
        var root = new RootCommand(l["Cli.Root.Description"])
        {
            CommandLanguage.CreateOption(l["Cli.Option.Lang"]),
            ImportCommand.Create(context),
            ReindexCommand.Create(context),
            BackupCommand.Create(context),
            RestoreCommand.Create(context),
            MigrateToPostgresCommand.Create(context),
            CreateAdminCommand.Create(context),
            CheckCommand.Create(context),
        };
        // The root's help ends with the exit codes, so a script writer finds them without the README.
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            option.Description = l["Cli.Option.Help"];
            option.Action = new HelpWithExitCodes(help, root, l["Cli.ExitCodes"]);
        }

        return root;
    }

    /// <summary>The words of the command line that name the command, e.g. <c>create-admin</c>, for the help hint.</summary>
    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string> { "--help" };
        for (var result = parsed.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return names;
    }

    private sealed class HelpWithExitCodes(HelpAction help, RootCommand root, string exitCodes) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var result = help.Invoke(parseResult);
            if (parseResult.CommandResult.Command == root)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(exitCodes);
            }

            return result;
        }
    }
}
