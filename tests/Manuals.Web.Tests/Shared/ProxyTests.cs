using System.Net;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Shared;

/// <summary>Behind a reverse proxy: forwarded scheme from known proxies only, allowed hosts, HSTS.</summary>
public sealed class ProxyTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Proxy = "10.0.0.5";
    private const string Host = "manuals.example.jp";

    [Fact]
    public async Task SignIn_HttpsFromKnownProxy_SetsSecureCookies()
    {
        using var app = ProxiedApp("Development");

        var cookies = await SignInCookiesAsync(app, Proxy, "https");

        Assert.Contains(cookies, c => c.StartsWith("manuals.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_HttpsHeaderFromUnknownAddress_IsIgnored()
    {
        using var app = ProxiedApp("Development");

        var cookies = await SignInCookiesAsync(app, "10.0.0.99", "https");

        Assert.Contains(cookies, c => c.StartsWith("manuals.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnyPage_HostNotAllowed_Answers400WithoutEchoingIt()
    {
        using var app = ProxiedApp("Development");
        using var client = Client(app, Proxy, null, "evil.example");

        var response = await client.GetAsync(new Uri("/manuals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("[::1]:5080", HttpStatusCode.OK)]
    public async Task SignInPage_DefaultAllowedHosts_OnlyLoopbackNames(string host, HttpStatusCode expected)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = host;

        var response = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnyPage_AllowedHostBehindHttpsProxy_RedirectsWithHttpsAndSendsHsts()
    {
        using var app = ProxiedApp("Production");
        using var client = Client(app, Proxy, "https", Host);

        var response = await client.GetAsync(new Uri("/manuals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri($"https://{Host}/account/sign-in?ReturnUrl=%2Fmanuals"), response.Headers.Location);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "no HSTS header over HTTPS");
    }

    [Fact]
    public async Task AnyPage_PlainHttp_SendsNoHsts()
    {
        using var app = ProxiedApp("Production");
        using var client = Client(app, Proxy, null, Host);

        var response = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private WebApplicationFactory<Program> ProxiedApp(string environment) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("AllowedHosts", $"localhost;{Host}");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());
    });

    private static HttpClient Client(WebApplicationFactory<Program> app, string address, string? forwardedProto, string? host)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.44");
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        if (host is not null)
        {
            client.DefaultRequestHeaders.Host = host;
        }

        return client;
    }

    /// <summary>
    /// The cookies of the sign-in page and of a sign-in. Cookies are passed on by hand: a client keeping cookies
    /// would not send Secure ones back over TestServer's plain http, which is the point of the test.
    /// </summary>
    private static async Task<List<string>> SignInCookiesAsync(WebApplicationFactory<Program> app, string address, string forwardedProto)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.44");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await WebSession.ParseAsync(page)).QuerySelector("form[action='/account/sign-in']")!;
        var fields = WebSession.FormFields(form);
        fields["UserName"] = "admin";
        fields["Password"] = ManualsAppFactory.AdminPassword;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/sign-in", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        cookies.AddRange(response.Headers.GetValues("Set-Cookie"));
        return cookies;
    }
}
