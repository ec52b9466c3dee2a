using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Manuals.Web.Features.Health;

/// <summary>
/// The body of <c>/healthz</c> and <c>/readyz</c>: <c>Healthy</c>, <c>Unhealthy</c>, or <c>Indexing</c> while the search
/// index catches up. Plain text for machines; what failed is in the log, never in the body.
/// </summary>
public static class HealthText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var indexing = report.Status == HealthStatus.Degraded
            && report.Entries.Values.Any(e => e.Status == HealthStatus.Degraded && e.Description == SearchIndexHealthCheck.Indexing);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(indexing ? "Indexing" : report.Status.ToString());
    }
}
