using Manuals.Web.Features.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Manuals.Web.Features.Health;

/// <summary>
/// <c>/readyz</c> says 「Indexing」 until this node's search index has caught up with the journal once since start-up, and
/// is unhealthy when the journal has not been applied for a while since.
/// </summary>
public sealed class SearchIndexHealthCheck(SearchIndexingService indexing) : IHealthCheck
{
    public const string Indexing = "indexing";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !indexing.IsCaughtUp ? HealthCheckResult.Degraded(Indexing)
            : indexing.IsCurrent ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"search index not synced for {SearchIndexingService.StaleAfter.TotalSeconds:0} s"));
}
