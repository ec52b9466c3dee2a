using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Core.Search;
using Manuals.Core.Templates;
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
        services.AddSingleton<TemplateService>();
        services.AddSingleton<ImageService>();
        services.AddScoped<SearchService>();
        return services;
    }
}
