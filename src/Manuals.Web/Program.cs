using Manuals.Core;
using Manuals.Data;
using Manuals.Web;
using Manuals.Web.Hosting;
using Manuals.Web.Hosting.Commands;

// The admin commands (`import <folder>`, `check`, `--help`…) share the app's configuration and services but start no web server.
var command = AdminCommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);
ListenAddress.Apply(builder);
builder.Services.AddManualsCore();
builder.Services.AddManualsData(builder.Configuration);
builder.Services.AddManualsWeb(builder.Configuration);

var app = builder.Build();

if (command)
{
    return await AdminCommandLine.RunAsync(app.Services, args);
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
