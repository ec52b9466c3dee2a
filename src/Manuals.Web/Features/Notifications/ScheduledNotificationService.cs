using Manuals.Core.Notifications;
using Manuals.Web.Features.Coverage;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// Runs <see cref="ScheduledNotifications"/> soon after start-up and then every <see cref="Interval"/>: required reading
/// reminders and the weekly review digests. Every node may run it; the dedupe keys make each reach a person once.
/// </summary>
public sealed partial class ScheduledNotificationService(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<ScheduledNotificationService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One run; a failure (database away) is logged and tried again at the next interval.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var moment = scope.ServiceProvider.GetRequiredService<CoverageClock>().Now();
            await scope.ServiceProvider.GetRequiredService<ScheduledNotifications>().RunAsync(moment.Today, moment.Now, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The job's boundary: a failed run is logged and tried again next interval.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled notifications failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
