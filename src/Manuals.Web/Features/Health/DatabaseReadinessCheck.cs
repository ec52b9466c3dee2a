using System.Data.Common;
using Manuals.Data.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Manuals.Web.Features.Health;

/// <summary><c>/readyz</c> needs the database to answer and to have every migration this build knows applied.</summary>
public sealed class DatabaseReadinessCheck(MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrations.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"migrations pending: {string.Join(", ", pending.Select(m => $"{m.Version:D4}_{m.Name}"))}");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
