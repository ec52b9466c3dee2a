using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Coverage.Csv;
using Manuals.Core.Handovers;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Core.Search;
using Manuals.Core.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Manuals.Core;

/// <summary>Registers Core's services.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddManualsCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ManualService>();
        services.AddScoped<Approvals.ApprovalService>();
        services.AddScoped<Approvals.ApprovalNotices>();
        services.AddSingleton<ManualImporter>();
        services.AddSingleton<TemplateService>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<ImageService>();
        services.AddScoped<Reading.ReaderShelf>();
        services.AddScoped<Reading.RequiredReadingService>();
        services.TryAddSingleton<Notifications.INotificationOutbox, Notifications.InAppOnlyOutbox>();
        services.AddScoped<Notifications.Notifier>();
        services.AddScoped<Notifications.ScheduledNotifications>();
        services.AddScoped<SearchService>();
        services.AddScoped<SearchSuggester>();
        AddCoverage(services);
        services.AddScoped<HandoverService>();
        // The defaults; the host registers the options bound from Manuals:ExternalSignIn after this (the last one wins).
        services.TryAddSingleton(new ExternalSignInOptions());
        services.AddScoped<IExternalSignIn, ExternalAccountProvisioner>();
        return services;
    }

    private static void AddCoverage(IServiceCollection services)
    {
        services.AddSingleton<IManualCompleteness, TemplateManualCompleteness>();
        services.AddSingleton<ManualFactsReader>();
        // A singleton: it keeps the last snapshot it read on this node, by coverage version.
        services.AddSingleton<CoverageReader>();
        services.AddScoped<BusinessTaskService>();
        services.AddScoped<EmployeeService>();
        services.AddScoped<SkillMatrixService>();
        services.AddScoped<TaskCsvImport>();
        services.AddScoped<EmployeeCsvImport>();
        services.AddScoped<MatrixCsvImport>();
        services.AddScoped<CoverageCsvImporter>();
        services.AddScoped<CoverageCsvExporter>();
        services.AddScoped<CoverageSampleLoader>();
    }
}
