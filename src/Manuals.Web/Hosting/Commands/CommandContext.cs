using Microsoft.Extensions.Localization;

namespace Manuals.Web.Hosting.Commands;

/// <summary>What every command gets: the app's services (its configuration's database) and the messages in the chosen language.</summary>
public sealed class CommandContext(IServiceProvider services, IStringLocalizer text)
{
    public IServiceProvider Services { get; } = services;

    public IStringLocalizer Text { get; } = text;

    /// <summary>Applies pending migrations first, as the app does at start; false (after saying why) when that failed.</summary>
    public Task<bool> MigrateAsync(string loggerName) =>
        StartupTasks.MigrateAsync(Services, Services.GetRequiredService<ILoggerFactory>().CreateLogger(loggerName));

    /// <summary>A message for the operator on standard output.</summary>
    public void Say(string key, params object[] arguments) => Console.WriteLine(Text[key, arguments]);

    /// <summary>A problem on standard error.</summary>
    public void Complain(string key, params object[] arguments) => Console.Error.WriteLine(Text[key, arguments]);
}
