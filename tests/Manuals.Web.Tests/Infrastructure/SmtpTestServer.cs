using System.Buffers;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, plain text, that keeps every message it
/// receives in order, raw and parsed by MimeKit, for the test to await.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly Channel<ReceivedMail> _received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private int _sessions;

    public int Port { get; private set; }

    /// <summary>How many SMTP sessions clients opened (a connection counts even when it sends nothing).</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>True when a message is waiting (it is not taken).</summary>
    public bool HasWaiting => _received.Reader.TryPeek(out _);

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer();
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("127.0.0.1")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(server._received.Writer));
        var smtp = new SmtpServer.SmtpServer(options, services);
        smtp.SessionCreated += (_, _) => Interlocked.Increment(ref server._sessions);
        server._running = smtp.StartAsync(server._stop.Token);
        server.Port = await started.Task.WaitAsync(Wait);
        return server;
    }

    /// <summary>The next message the server accepted; fails the test after a minute without one.</summary>
    public async Task<ReceivedMail> NextAsync() => await _received.Reader.ReadAsync().AsTask().WaitAsync(Wait);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }

    private sealed class Store(ChannelWriter<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            received.TryWrite(new ReceivedMail(to, message, raw));
            return SmtpResponse.Ok;
        }
    }
}
