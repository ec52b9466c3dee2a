using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Manuals.Web.Features.Health;

/// <summary>The body of <c>/healthz</c>: <c>Healthy</c>, <c>Unhealthy</c>, or <c>Indexing</c> while the search index catches up.</summary>
public static class HealthText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var indexing = report.Status == HealthStatus.Degraded
            && report.Entries.Values.Any(e => e.Status == HealthStatus.Degraded && e.Description == "indexing");
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(indexing ? "Indexing" : report.Status.ToString());
    }
}
