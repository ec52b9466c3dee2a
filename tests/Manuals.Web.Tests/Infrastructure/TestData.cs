using Manuals.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>The stores over a SQLite file that a command or a node (another process) writes, to look at what it did.</summary>
public static class TestData
{
    public static ServiceProvider ForSqlite(string database)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDbConnectionFactory>(new SqliteConnectionFactory($"Data Source={database}"));
        services.AddLogging();
        services.AddManualsStores();
        return services.BuildServiceProvider();
    }
}
