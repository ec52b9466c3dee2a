using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// Debian's nginx, run as this test's own process (never the system service) with <c>infra/nginx/nginx.conf</c> and
/// <c>manuals.conf</c> as they are, except the values a deployment changes too: the nodes (its own
/// <c>manuals-nodes.conf</c>), the two <c>listen</c> ports (loopback here), the certificate and the cache folder.
/// Clients pin the test's self-signed certificate, so TLS is verified, not switched off.
/// </summary>
internal sealed class Nginx : IAsyncDisposable
{
    private const string InstallHint = "nginx not found: install it with `apt-get install -y nginx-light` (./test.sh does).";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _pinnedCertificate;

    private Nginx(Process process, StringBuilder output, int httpsPort, int httpPort, string pinnedCertificate)
    {
        _process = process;
        _output = output;
        Https = new Uri($"https://127.0.0.1:{httpsPort}");
        Http = new Uri($"http://127.0.0.1:{httpPort}");
        _pinnedCertificate = pinnedCertificate;
    }

    public Uri Https { get; }

    public Uri Http { get; }

    /// <summary>What nginx printed (its error log and access log), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts nginx in <paramref name="directory"/> (its prefix) in front of <paramref name="nodes"/>.</summary>
    public static async Task<Nginx> StartAsync(string directory, IEnumerable<Uri> nodes, TestCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var program = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var conf = Path.Combine(directory, "conf");
        Directory.CreateDirectory(conf);
        var infra = Path.Combine(ManualsAppFactory.RepositoryRoot, "infra", "nginx");
        File.Copy(Path.Combine(infra, "nginx.conf"), Path.Combine(conf, "nginx.conf"));
        var (httpsPort, httpPort) = (FreePort(), FreePort());
        await File.WriteAllLinesAsync(Path.Combine(conf, "manuals-nodes.conf"), nodes.Select(n => $"server {n.Authority} max_fails=1 fail_timeout=10s;"));
        var site = await File.ReadAllTextAsync(Path.Combine(infra, "manuals.conf"));
        site = ReplaceOnce(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        site = ReplaceOnce(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;");
        site = ReplaceOnce(site, "/etc/nginx/tls/manuals.crt", certificate.CertificatePath);
        site = ReplaceOnce(site, "/etc/nginx/tls/manuals.key", certificate.KeyPath);
        site = ReplaceOnce(site, "/var/cache/nginx/manuals", Path.Combine(directory, "cache"));
        await File.WriteAllTextAsync(Path.Combine(conf, "manuals.conf"), site);

        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // In the foreground, as this user: as root, nginx's workers would otherwise drop to `nobody`, who may not enter
        // the test's private temp folder.
        var global = $"daemon off; pid {Path.Combine(directory, "nginx.pid")}; error_log stderr notice;";
        if (Environment.UserName == "root")
        {
            global += " user root;";
        }

        foreach (var argument in new[] { "-p", directory + "/", "-c", Path.Combine(conf, "nginx.conf"), "-g", global })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(InstallHint, ex);
        }

        var output = new StringBuilder();
        Drain(process.StandardOutput, output);
        Drain(process.StandardError, output);
        var nginx = new Nginx(process, output, httpsPort, httpPort, certificate.Sha256);
        var deadline = Stopwatch.StartNew();
        while (!await ListensAsync(httpsPort))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx did not start:\n{nginx.Output}\n--- manuals.conf ---\n{site}");
            }

            await Task.Delay(20);
        }

        return nginx;
    }

    /// <summary>
    /// A browser-like client of nginx's https address (no redirects followed) that trusts only the test's certificate;
    /// clients given the same <paramref name="cookies"/> are one browser.
    /// </summary>
    public HttpClient CreateClient(CookieContainer cookies) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == _pinnedCertificate,
            },
        })
        { BaseAddress = Https };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The master and its workers: nothing of nginx stays behind.
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string ReplaceOnce(string text, string value, string replacement)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(value, at + 1, StringComparison.Ordinal) < 0,
            $"infra/nginx/manuals.conf should hold '{value}' once: the test replaces it with its own value.");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + value.Length));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Drain(StreamReader reader, StringBuilder output) =>
        _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        });
}
