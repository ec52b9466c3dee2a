using Manuals.Core.Images;

namespace Manuals.Web.Features.Images;

/// <summary>
/// Deletes uploaded pictures that no manual revision ever used and no template mentions, once they are older than
/// <see cref="ImageService.UnusedGracePeriod"/> (a writer's unsaved draft may hold them until then): soon after
/// start-up and then every <see cref="Interval"/>. Pictures a revision refers to are never deleted. Every node may run
/// it; deleting twice deletes nothing more.
/// </summary>
public sealed partial class UnusedImageCleanupService(ImageService images, TimeProvider time, ILogger<UnusedImageCleanupService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);

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

    /// <summary>One cleanup; a failure (database away) is logged and tried again at the next interval.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await images.DeleteUnusedAsync(cancellationToken);
            if (deleted > 0)
            {
                LogDeleted(logger, deleted);
            }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} unused uploaded images")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting unused uploaded images failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
