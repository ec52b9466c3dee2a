using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Manuals.Web.Hosting;

/// <summary>
/// Where the app listens, in the order the README gives: <c>--urls</c> on the command line, then the environment
/// (<c>Urls</c>, else <c>ASPNETCORE_URLS</c>), then <c>Urls</c> in <c>appsettings*.json</c>, and
/// <see cref="Default"/> only when none of them is set.
/// </summary>
public static class ListenAddress
{
    public const string Default = "http://127.0.0.1:5080";

    private const string HostPrefix = "ASPNETCORE_";

    public static void Apply(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PutHostVariablesWithTheEnvironment(builder.Configuration);
        if (!IsConfigured(builder.Configuration))
        {
            builder.WebHost.UseUrls(Default);
        }
    }

    /// <summary>
    /// ASP.NET Core reads the <c>ASPNETCORE_</c> variables first, below <c>appsettings.json</c>, so a <c>Urls</c> there
    /// would win over <c>ASPNETCORE_URLS</c>. They are environment variables: they move up to just below the unprefixed
    /// ones, above every file.
    /// </summary>
    private static void PutHostVariablesWithTheEnvironment(ConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var hostVariables = sources.OfType<EnvironmentVariablesConfigurationSource>().FirstOrDefault(s => s.Prefix == HostPrefix);
        var variables = sources.OfType<EnvironmentVariablesConfigurationSource>().LastOrDefault(s => string.IsNullOrEmpty(s.Prefix));
        if (hostVariables is null || variables is null || sources.IndexOf(hostVariables) > sources.IndexOf(variables))
        {
            return;
        }

        sources.Remove(hostVariables);
        sources.Insert(sources.IndexOf(variables), hostVariables);
    }

    /// <summary>Any way Kestrel is told where to listen: URLs, ports (as container images set), or endpoints.</summary>
    private static bool IsConfigured(ConfigurationManager configuration) =>
        !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
