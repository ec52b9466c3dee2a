using Manuals.Core.Notifications;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Hosting;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// Runs <see cref="ScheduledNotifications"/> soon after start-up and then every <see cref="Interval"/>: required reading
/// reminders and the weekly review digests. Every node may run it; the dedupe keys make each reach a person once.
/// </summary>
public sealed class ScheduledNotificationService(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<ScheduledNotificationService> logger)
    : PeriodicJob(TimeSpan.FromMinutes(2), Interval, time, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var moment = scope.ServiceProvider.GetRequiredService<CoverageClock>().Now();
        await scope.ServiceProvider.GetRequiredService<ScheduledNotifications>().RunAsync(moment.Today, moment.Now, cancellationToken);
    }
}
