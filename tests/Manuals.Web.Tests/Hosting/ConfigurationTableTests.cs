using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Manuals.Data.Search.Lucene;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Health;
using Manuals.Web.Features.Notifications;
using Manuals.Web.Shared;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Tests.Hosting;

/// <summary>
/// The README's configuration table is what the app reads: every row names its environment variable after its setting,
/// and has a test that proves it under that name (<see cref="ProvesSettingAttribute"/>). The rows without a test of
/// their own are proved here, all set at once on one app to values other than their defaults.
/// </summary>
public sealed partial class ConfigurationTableTests(ConfigurationTableTests.Fixture fixture) : IClassFixture<ConfigurationTableTests.Fixture>
{
    /// <summary>Each setting proved here: its value, and what the app then uses, read from the started app.</summary>
    private static readonly Dictionary<string, (string Value, Func<IServiceProvider, object?> Read, object Expected)> Cases = new()
    {
        ["Manuals:TimeZone"] = ("Europe/London", sp => Options<ManualsOptions>(sp).TimeZone, "Europe/London"),
        ["Manuals:SamplesPath"] = ("/nonexistent/samples-for-configuration-tests", sp => Options<ManualsOptions>(sp).SamplesPath, "/nonexistent/samples-for-configuration-tests"),
        ["Manuals:ImportSamplesOnFirstStart"] = ("false", sp => Options<ManualsOptions>(sp).ImportSamplesOnFirstStart, false),
        ["Manuals:SamplesAsOf"] = ("2027-04-01", sp => Options<ManualsOptions>(sp).SamplesAsOf, new DateOnly(2027, 4, 1)),
        ["AllowedHosts"] = ("manuals.example.co.jp", sp => string.Join(";", Options<HostFilteringOptions>(sp).AllowedHosts), "manuals.example.co.jp"),
        ["ForwardedHeaders:KnownProxies"] = ("10.0.0.5", sp => Options<ForwardedHeadersOptions>(sp).KnownProxies.Contains(IPAddress.Parse("10.0.0.5")), true),
        ["ForwardedHeaders:KnownNetworks"] = ("10.9.0.0/24", sp => Options<ForwardedHeadersOptions>(sp).KnownIPNetworks.Contains(IPNetwork.Parse("10.9.0.0/24")), true),
        ["ForwardedHeaders:ForwardLimit"] = ("2", sp => Options<ForwardedHeadersOptions>(sp).ForwardLimit, (int?)2),
        ["Manuals:SignIn:PermitLimit"] = ("7", sp => Options<SignInLimitOptions>(sp).PermitLimit, 7),
        ["Manuals:SignIn:WindowSeconds"] = ("90", sp => Options<SignInLimitOptions>(sp).WindowSeconds, 90),
        ["Pdf:Chromium"] = ("/nonexistent/chromium-for-configuration-tests", sp => sp.GetRequiredService<ChromiumPdf>().IsAvailable, false),
        ["Notifications:BaseUrl"] = ("https://manuals.example.co.jp", sp => Options<NotificationSettings>(sp).BaseUrl, "https://manuals.example.co.jp"),
        ["Notifications:Mail:Enabled"] = ("true", sp => Options<NotificationSettings>(sp).Mail.Enabled, true),
        ["Notifications:Mail:Host"] = ("smtp.example.co.jp", sp => Options<NotificationSettings>(sp).Mail.Host, "smtp.example.co.jp"),
        ["Notifications:Mail:Port"] = ("465", sp => Options<NotificationSettings>(sp).Mail.Port, 465),
        ["Notifications:Mail:Security"] = ("SslOnConnect", sp => Options<NotificationSettings>(sp).Mail.Security, MailSecurity.SslOnConnect),
        ["Notifications:Mail:UserName"] = ("manuals", sp => Options<NotificationSettings>(sp).Mail.UserName, "manuals"),
        ["Notifications:Mail:Password"] = ("mail-password-for-tests", sp => Options<NotificationSettings>(sp).Mail.Password, "mail-password-for-tests"),
        ["Notifications:Mail:FromAddress"] = ("manuals@example.co.jp", sp => Options<NotificationSettings>(sp).Mail.FromAddress, "manuals@example.co.jp"),
        ["Notifications:Mail:FromName"] = ("総務部 マニュアル", sp => Options<NotificationSettings>(sp).Mail.FromName, "総務部 マニュアル"),
        ["Notifications:Mail:Timeout"] = ("00:00:07", sp => Options<NotificationSettings>(sp).Mail.Timeout, TimeSpan.FromSeconds(7)),
        ["Notifications:WebhookTimeout"] = ("00:00:03", sp => Options<NotificationSettings>(sp).WebhookTimeout, TimeSpan.FromSeconds(3)),
        ["Notifications:AllowLoopbackWebhooks"] = ("true", sp => Options<NotificationSettings>(sp).AllowLoopbackWebhooks, true),
        ["Metrics:Prometheus:AllowedNetworks"] = ("10.1.2.0/24", sp => sp.GetRequiredService<PrometheusSettings>().AllowedNetworks.Single(), "10.1.2.0/24"),
    };

    /// <summary>Lists: the README names their first item, <c>…__0</c>.</summary>
    private static readonly HashSet<string> Lists = ["ForwardedHeaders:KnownProxies", "ForwardedHeaders:KnownNetworks", "Metrics:Prometheus:AllowedNetworks"];

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void ReadmeTable_EveryRow_HasATestProvingIt()
    {
        var proved = typeof(ConfigurationTableTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<ProvesSettingAttribute>())
            .Select(a => a.Setting)
            .Concat(Cases.Keys)
            .ToHashSet(StringComparer.Ordinal);

        var missing = ReadmeRows().Select(r => r.Setting).Where(s => !proved.Contains(s)).ToList();

        Assert.True(missing.Count == 0, "README configuration rows without a test that proves them: " + string.Join(", ", missing));
    }

    [Fact]
    public void ReadmeTable_EveryRow_NamesTheEnvironmentVariableOfItsSetting()
    {
        var rows = ReadmeRows();

        Assert.True(rows.Count >= 25, $"Only {rows.Count} rows read from the README's configuration table.");
        Assert.All(rows, row => Assert.Contains(row.Setting.Replace(":", "__", StringComparison.Ordinal), row.Variables));
        Assert.Contains(rows, row => row.Setting == "Urls" && row.Variables.Contains("ASPNETCORE_URLS"));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Setting_SetUnderItsReadmeName_IsWhatTheAppUses(string setting)
    {
        var (_, read, expected) = Cases[setting];

        Assert.Equal(expected, read(fixture.App.Services));
    }

    [Fact]
    [ProvesSetting("Search:IndexPath")]
    public void SearchIndexPath_Set_IndexLivesThere()
    {
        Assert.Equal(fixture.IndexPath, fixture.App.Services.GetRequiredService<LuceneIndex>().Path);
        Assert.True(File.Exists(Path.Combine(fixture.IndexPath, "manuals-index.lock")));
    }

    /// <summary>The rows of the table under 「## Configuration」: each setting (a row naming two, such as <c>A:UserName</c> / <c>Password</c>, counts as both) and its variables cell.</summary>
    private static List<(string Setting, string Variables)> ReadmeRows()
    {
        var readme = File.ReadAllText(Path.Combine(ManualsAppFactory.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        var rows = new List<(string, string)>();
        foreach (var line in section.Split('\n').Skip(1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cells = line.Split('|');
            var names = Code().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
            var first = names[0];
            foreach (var name in names)
            {
                rows.Add((name.Contains(':', StringComparison.Ordinal) || names.Count == 1 ? name : first[..(first.LastIndexOf(':') + 1)] + name, cells[2]));
            }
        }

        return rows;
    }

    private static T Options<T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    /// <summary>One app with every setting of <see cref="Cases"/> set under its README name.</summary>
    public sealed class Fixture : IDisposable
    {
        private readonly ManualsAppFactory _factory = new();

        public Fixture()
        {
            IndexPath = Path.Combine(Path.GetTempPath(), "manuals-config-index-" + Guid.NewGuid().ToString("N"));
            foreach (var (setting, (value, _, _)) in Cases)
            {
                _factory.Settings[Lists.Contains(setting) ? setting + ":0" : setting] = value;
            }

            _factory.Settings["Search:IndexPath"] = IndexPath;
            App = _factory;
        }

        public ManualsAppFactory App { get; }

        public string IndexPath { get; }

        public void Dispose()
        {
            _factory.Dispose();
            if (Directory.Exists(IndexPath))
            {
                Directory.Delete(IndexPath, recursive: true);
            }
        }
    }
}
