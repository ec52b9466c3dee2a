using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Handovers;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Core.Templates;
using Manuals.Data.Accounts;
using Manuals.Data.Audit;
using Manuals.Data.Coverage;
using Manuals.Data.Departments;
using Manuals.Data.Handovers;
using Manuals.Data.Images;
using Manuals.Data.Manuals;
using Manuals.Data.Migrations;
using Manuals.Data.Search;
using Manuals.Data.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data;

/// <summary>Registers the storage seam and every store for the configured engine.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Reads <c>Storage:Provider</c> (<c>Sqlite</c> by default, or <c>Postgres</c>) and
    /// <c>ConnectionStrings:Manuals</c>, and registers the connection factory, the migration runner and the stores.
    /// </summary>
    public static IServiceCollection AddManualsData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Read when first needed, not now, so configuration added after this call (tests, hosting) is seen.
        services.AddSingleton(_ => ReadOptions(configuration));
        services.AddSingleton(sp => CreateConnectionFactory(sp.GetRequiredService<StorageOptions>()));
        return services.AddManualsStores();
    }

    /// <summary>Registers the stores and the migration runner over an already registered <see cref="IDbConnectionFactory"/>.</summary>
    public static IServiceCollection AddManualsStores(this IServiceCollection services)
    {
        ConfigureDapper();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IDepartmentStore, DepartmentStore>();
        services.AddSingleton<IManualStore, ManualStore>();
        services.AddSingleton<ITemplateStore, TemplateStore>();
        services.AddSingleton<IImageStore, ImageStore>();
        services.AddSingleton<ISearchIndex, SearchIndex>();
        services.AddSingleton<ISynonymStore, SynonymStore>();
        services.AddSingleton<IMissedSearchStore, MissedSearchStore>();
        services.AddSingleton<ISearchJournal, SearchJournal>();

        services.AddSingleton<IBusinessTaskStore, BusinessTaskStore>();
        services.AddSingleton<IEmployeeStore, EmployeeStore>();
        services.AddSingleton<ISkillMatrixStore, SkillMatrixStore>();
        services.AddSingleton<IHandoverStore, HandoverStore>();
        services.AddScoped<UserStore>();
        services.AddSingleton<ISessionStore, SessionStore>();
        services.AddSingleton<IKeyRingStore, KeyRingStore>();
        services.AddSingleton<IExternalAccountStore, ExternalAccountStore>();
        services.AddSingleton<IDirectoryGroupMappingStore, DirectoryGroupMappingStore>();
        services.AddSingleton<IAuditLog, AuditLogStore>();
        services.AddScoped<IAccountDirectory>(sp => sp.GetRequiredService<UserStore>());
        return services;
    }

    public static StorageOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StorageOptions();
        configuration.GetSection("Storage").Bind(options);
        var connectionString = configuration.GetConnectionString("Manuals");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            options.ConnectionString = connectionString;
        }
        else if (options.Provider == SqlEngine.Postgres)
        {
            throw new InvalidOperationException(
                "Storage:Provider is Postgres but ConnectionStrings:Manuals is empty. Set ConnectionStrings__Manuals, e.g. 'Host=localhost;Database=manuals;Username=manuals;Password=…'.");
        }

        return options;
    }

    public static IDbConnectionFactory CreateConnectionFactory(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            SqlEngine.Postgres => new PostgresConnectionFactory(options.ConnectionString),
            _ => new SqliteConnectionFactory(options.ConnectionString),
        };
    }

    private static void ConfigureDapper()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }
}
