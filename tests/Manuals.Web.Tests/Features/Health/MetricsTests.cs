using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Health;

/// <summary>
/// The Prometheus endpoint: off by default; when on, request latencies and the search index's lag and journal size,
/// answered only to a scraper that comes directly from loopback or an allowed network, never through a proxy. (Off by
/// default: HealthTests.) Alone in its collection: the SDK listens to meters by name, so another app host running in
/// this test process at the same time would add its own series to this one's scrape.
/// </summary>
[Collection(nameof(MetricsTests))]
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTests(MetricsTests.Fixture fixture) : IClassFixture<MetricsTests.Fixture>
{
    [Fact]
    [ProvesSetting("Metrics:Prometheus:Enabled")]
    public async Task Metrics_OnAfterASave_ScrapeHasRequestDurationsAndSearchIndexLagAndJournalSize()
    {
        var app = fixture.App;
        var admin = new WebSession(Scraper(app, "127.0.0.1", keepCookies: true));
        var signIn = await admin.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "admin", ["Password"] = ManualsAppFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var saved = await admin.SubmitAsync("/manuals/new", "form.manual-form",
            new() { ["Title"] = "メトリクスの確認手順", ["Body"] = "## 手順\n1. 確認します。" }, "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var scraper = Scraper(app, "127.0.0.1");

        // The gauges are refreshed every few seconds: wait for a scrape that has seen the save and its indexing.
        var deadline = Stopwatch.StartNew();
        string text;
        do
        {
            using var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (Value(text, "manuals_search_journal_size") >= 1 && Value(text, "manuals_search_index_lag") == 0)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_route=""manuals/new""[^}]*\} [1-9]", text);
        Assert.True(Value(text, "manuals_search_journal_size") >= 1, text);
        Assert.Equal(0, Value(text, "manuals_search_index_lag"));
        Assert.Equal(0, Value(text, "manuals_search_index_lag_duration_seconds"));
    }

    [Theory]
    [ProvesSetting("Metrics:Prometheus:AllowedNetworks")]
    [InlineData("127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("::1", null, HttpStatusCode.OK)]
    [InlineData("10.0.0.7", null, HttpStatusCode.OK)]
    [InlineData("10.0.1.7", null, HttpStatusCode.NotFound)]
    [InlineData("203.0.113.5", null, HttpStatusCode.NotFound)]
    // Through a reverse proxy on the same machine (loopback is a trusted proxy): the client is someone else.
    [InlineData("127.0.0.1", "X-Forwarded-For", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", "X-Real-IP", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", "Forwarded", HttpStatusCode.NotFound)]
    [InlineData("10.0.0.7", "X-Forwarded-For", HttpStatusCode.NotFound)]
    public async Task Metrics_On_AnswersOnlyDirectScrapersFromLoopbackOrAllowedNetworks(string address, string? proxyHeader, HttpStatusCode expected)
    {
        var client = Scraper(fixture.App, address);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        if (proxyHeader is not null)
        {
            request.Headers.TryAddWithoutValidation(proxyHeader, proxyHeader == "Forwarded" ? "for=10.0.0.8" : "10.0.0.8");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private static HttpClient Scraper(WebApplicationFactory<Program> app, string address, bool keepCookies = false)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = keepCookies });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address);
        return client;
    }

    /// <summary>The value of a metric without labels, or -1 when the scrape does not have it.</summary>
    private static double Value(string scrape, string name)
    {
        var match = Regex.Match(scrape, $"^{Regex.Escape(name)}(?:\\{{[^}}]*\\}})? (\\S+)", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>One app with the endpoint on (and 10.0.0.0/24 allowed) whose requests say which address they come from.</summary>
    public sealed class Fixture : IDisposable
    {
        private readonly ManualsAppFactory _factory = new()
        {
            Settings =
            {
                ["Metrics:Prometheus:Enabled"] = "true",
                ["Metrics:Prometheus:AllowedNetworks:0"] = "10.0.0.0/24",
            },
        };

        public Fixture() =>
            App = _factory.WithWebHostBuilder(builder =>
                builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>()));

        public WebApplicationFactory<Program> App { get; }

        public void Dispose()
        {
            App.Dispose();
            _factory.Dispose();
        }
    }
}
