using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>
/// A chat service's incoming webhook on 127.0.0.1 and a free port: keeps each POST (path, content type, body bytes) in
/// order for the test to await, and answers 200, or the status a path <c>/status/{code}</c> names.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly Channel<ReceivedPost> _received = Channel.CreateUnbounded<ReceivedPost>();
    private WebApplication? _app;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var path = context.Request.Path.Value ?? "/";
            receiver._received.Writer.TryWrite(new ReceivedPost(path, context.Request.ContentType, body.ToArray()));
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            context.Response.StatusCode = segments is ["status", var code, ..] ? int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) : 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseUri = new Uri(address.TrimEnd('/') + "/");
        receiver._app = app;
        return receiver;
    }

    /// <summary>An absolute URL on the receiver.</summary>
    public string Url(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    /// <summary>The next POST received; fails the test after a minute without one.</summary>
    public async Task<ReceivedPost> NextAsync() => await _received.Reader.ReadAsync().AsTask().WaitAsync(Wait);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
