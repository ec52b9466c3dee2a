using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Core;

/// <summary>Registers Core's services.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddManualsCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ManualService>();
        services.AddSingleton<ManualImporter>();
        services.AddScoped<SearchService>();
        return services;
    }
}
