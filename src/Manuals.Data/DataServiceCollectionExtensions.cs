using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Handovers;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Notifications;
using Manuals.Core.Reading;
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
using Manuals.Data.Notifications;
using Manuals.Data.Reading;
using Manuals.Data.Search;
using Manuals.Data.Search.Lucene;
using Manuals.Data.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        return services.AddManualsStores().AddLuceneSearch(
            sp => IndexPath(configuration, sp.GetRequiredService<StorageOptions>()),
            options => configuration.GetSection("Search").Bind(options));
    }

    /// <inheritdoc cref="AddLuceneSearch(IServiceCollection, Func{IServiceProvider, string}, Action{LuceneIndexerOptions})"/>
    public static IServiceCollection AddLuceneSearch(this IServiceCollection services, string indexPath, Action<LuceneIndexerOptions>? configure = null) =>
        services.AddLuceneSearch(_ => indexPath, configure);

    /// <summary>
    /// Search on a Lucene.Net index in this node's own folder (<paramref name="indexPath"/>), kept current from the
    /// search journal; the index is opened when first needed and closed with the container. <paramref name="configure"/>
    /// may change the indexer's options (e.g. <c>Search:ReadWait</c>, how long a search waits for the index).
    /// </summary>
    public static IServiceCollection AddLuceneSearch(
        this IServiceCollection services, Func<IServiceProvider, string> indexPath, Action<LuceneIndexerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        services.AddSingleton(sp => new LuceneIndex(Path.GetFullPath(indexPath(sp))));
        services.AddSingleton(sp =>
        {
            var fullPath = sp.GetRequiredService<LuceneIndex>().Path;
            // One node per index folder, so two processes on one machine (tests, a blue/green switch) stay apart.
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fullPath)))[..12];
            var options = new LuceneIndexerOptions();
            configure?.Invoke(options);
            options.NodeId = $"{Environment.MachineName}:{hash}";
            return options;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LuceneIndexer>();
        services.AddSingleton<IndexSource>();
        services.AddSingleton<ISearchIndex, LuceneSearchIndex>();
        return services;
    }

    /// <summary>Registers the stores and the migration runner over an already registered <see cref="IDbConnectionFactory"/>.</summary>
    public static IServiceCollection AddManualsStores(this IServiceCollection services)
    {
        ConfigureDapper();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IDepartmentStore, DepartmentStore>();
        services.AddSingleton<IManualStore, ManualStore>();
        services.AddSingleton<Core.Approvals.IApprovalStore, Approvals.ApprovalStore>();
        services.AddSingleton<ITemplateStore, TemplateStore>();
        services.AddSingleton<IImageStore, ImageStore>();
        services.AddSingleton<IFavoriteStore, FavoriteStore>();
        services.AddSingleton<IRecentViewStore, RecentViewStore>();
        services.AddSingleton<IRequiredReadingStore, RequiredReadingStore>();
        services.AddSingleton<ICheckQuestionStore, CheckQuestionStore>();
        services.AddSingleton<INotificationStore, NotificationStore>();
        services.AddSingleton<IDepartmentWebhookStore, DepartmentWebhookStore>();
        // Every search reads the synonyms and the task names: kept on the node for a second (Recent… decorators).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SynonymStore>();
        services.AddSingleton<ISynonymStore, RecentSynonymStore>();
        services.AddSingleton<IMissedSearchStore, MissedSearchStore>();
        services.AddSingleton<ISearchJournal, SearchJournal>();

        services.AddSingleton<BusinessTaskStore>();
        services.AddSingleton<IBusinessTaskStore, RecentBusinessTaskStore>();
        services.AddSingleton<IEmployeeStore, EmployeeStore>();
        services.AddSingleton<ISkillMatrixStore, SkillMatrixStore>();
        services.AddSingleton<ITaskManualConfirmationStore, TaskManualConfirmationStore>();
        services.AddSingleton<ICoverageVersionStore, CoverageVersionStore>();
        services.AddSingleton<IHandoverStore, HandoverStore>();
        services.AddScoped<UserStore>();
        services.AddSingleton<ISessionStore, SessionStore>();
        services.AddSingleton<IKeyRingStore, KeyRingStore>();
        services.AddSingleton<IExternalAccountStore, ExternalAccountStore>();
        services.AddSingleton<IDirectoryGroupMappingStore, DirectoryGroupMappingStore>();
        services.AddSingleton<IAuditLog, AuditLogStore>();
        services.AddScoped<IAccountDirectory>(sp => sp.GetRequiredService<UserStore>());
        services.AddSingleton<Operations.DatabaseBackup>();
        services.AddSingleton<Operations.PostgresMigration>();
        services.AddSingleton<Operations.SearchIndexRebuild>();
        return services;
    }

    /// <summary>
    /// <c>Search:IndexPath</c>, else a <c>search-index</c> folder beside the SQLite database, else <c>data/search-index</c>
    /// (relative paths against the working directory).
    /// </summary>
    public static string IndexPath(IConfiguration configuration, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        if (configuration["Search:IndexPath"] is { Length: > 0 } configured)
        {
            return configured;
        }

        if (storage.Provider == SqlEngine.Sqlite
            && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource is { Length: > 0 } file
            && file != ":memory:")
        {
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "search-index");
        }

        return Path.Combine("data", "search-index");
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
