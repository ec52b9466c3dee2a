using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Manuals.Web.Hosting;

/// <summary>Prints where the app listens in plain words, next to the structured logs.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine(StartupTasks.ConsoleText(app.Services, "Startup.Listening", address));
            }
        });
    }
}
