using Manuals.Core;
using Manuals.Data;
using Manuals.Web;
using Manuals.Web.Hosting;

// `import <folder>` and other commands share the app's configuration and services but start no web server.
var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : []);
ListenAddress.Apply(builder);
builder.Services.AddManualsCore();
builder.Services.AddManualsData(builder.Configuration);
builder.Services.AddManualsWeb(builder.Configuration);

var app = builder.Build();

if (command is not null)
{
    return await command.RunAsync(app);
}

if (!await StartupTasks.RunAsync(app))
{
    return 1;
}

StartupBanner.PrintWhenStarted(app);
app.UseManualsPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can start the app in tests.</summary>
public partial class Program
{
}
