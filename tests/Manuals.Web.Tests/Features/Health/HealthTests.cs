using System.Net;
using Manuals.Web.Features.Search;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Health;

/// <summary>
/// <c>/healthz</c> says the process answers, whatever the database does; <c>/readyz</c> says the database answers with
/// every migration applied and the search index is current. Plain text, 200 or 503, anonymous, never cached.
/// </summary>
public sealed class HealthTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Healthz_Anonymous_AnswersHealthyAsPlainTextNeverCached()
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Readyz_CaughtUp_AnswersHealthyNeverCached()
    {
        await factory.Services.GetRequiredService<SearchIndexingService>().CaughtUp;

        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Readyz_MigrationNotApplied_Answers503UnhealthyWhileHealthzStaysHealthy()
    {
        await factory.Services.GetRequiredService<SearchIndexingService>().CaughtUp;
        await using var connection = await OpenDatabaseAsync();
        await ExecuteAsync(connection, "CREATE TEMP TABLE kept AS SELECT * FROM schema_version WHERE version = (SELECT MAX(version) FROM schema_version)");
        await ExecuteAsync(connection, "DELETE FROM schema_version WHERE version = (SELECT version FROM kept)");
        try
        {
            var client = factory.CreateBrowserlikeClient();
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await ExecuteAsync(connection, "INSERT INTO schema_version SELECT * FROM kept");
        }

        using var again = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Readyz_IndexNeverCaughtUp_Answers503IndexingWhileHealthzStaysHealthy()
    {
        await factory.Services.GetRequiredService<SearchIndexingService>().CaughtUp;
        await using var connection = await OpenDatabaseAsync();
        // A second node starts while the journal cannot be read: its new index can never catch up.
        await ExecuteAsync(connection, "ALTER TABLE search_journal RENAME TO search_journal_away");
        try
        {
            using var node = factory.WithWebHostBuilder(_ => { });
            var client = node.CreateClient();

            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Indexing", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.False(node.Services.GetRequiredService<SearchIndexingService>().IsCaughtUp);
        }
        finally
        {
            await ExecuteAsync(connection, "ALTER TABLE search_journal_away RENAME TO search_journal");
            await WaitReadyAgainAsync();
        }
    }

    [Fact]
    [ProvesSetting("Metrics:Prometheus:Enabled")]
    public async Task Metrics_Default_NotFoundEvenFromLoopback()
    {
        using var app = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>()));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, "127.0.0.1");

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_JournalNotAppliedForLong_Answers503Unhealthy()
    {
        await factory.Services.GetRequiredService<SearchIndexingService>().CaughtUp;
        await using var connection = await OpenDatabaseAsync();
        // Every sync fails from now on (no journal to read), and the clock moves past the bound.
        await ExecuteAsync(connection, "ALTER TABLE search_journal RENAME TO search_journal_away");
        try
        {
            // A sync that was under way when the table went may still finish: move the clock on until none is left.
            var client = factory.CreateBrowserlikeClient();
            var deadline = System.Diagnostics.Stopwatch.StartNew();
            var last = "";
            while (last != "503 Unhealthy" && deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                factory.Clock.Advance(SearchIndexingService.StaleAfter + TimeSpan.FromSeconds(1));
                using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                last = $"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}";
                await Task.Delay(50);
            }

            Assert.Equal("503 Unhealthy", last);
        }
        finally
        {
            await ExecuteAsync(connection, "ALTER TABLE search_journal_away RENAME TO search_journal");
            await WaitReadyAgainAsync();
        }
    }

    /// <summary>After a test broke the journal for a moment: the next sync makes the shared node current again.</summary>
    private async Task WaitReadyAgainAsync()
    {
        var client = factory.CreateBrowserlikeClient();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("/readyz did not answer 200 again within 20 s.");
    }

    private async Task<SqliteConnection> OpenDatabaseAsync()
    {
        var connection = new SqliteConnection(factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("Manuals"));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
