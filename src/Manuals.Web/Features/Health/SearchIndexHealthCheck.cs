using Manuals.Web.Features.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Manuals.Web.Features.Health;

/// <summary><c>/healthz</c> says 「indexing」 (degraded) until this node's search index has caught up once.</summary>
public sealed class SearchIndexHealthCheck(SearchIndexingService indexing) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(indexing.IsCaughtUp ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("indexing"));
}
