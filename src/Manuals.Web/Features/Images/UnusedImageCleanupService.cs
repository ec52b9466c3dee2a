using Manuals.Core.Images;
using Manuals.Web.Hosting;

namespace Manuals.Web.Features.Images;

/// <summary>
/// Deletes uploaded pictures that no manual revision ever used and no template mentions, once they are older than
/// <see cref="ImageService.UnusedGracePeriod"/> (a writer's unsaved draft may hold them until then): soon after
/// start-up and then every <see cref="Interval"/>. Pictures a revision refers to are never deleted. Every node may run
/// it; deleting twice deletes nothing more.
/// </summary>
public sealed partial class UnusedImageCleanupService(ImageService images, TimeProvider time, ILogger<UnusedImageCleanupService> logger)
    : PeriodicJob(TimeSpan.FromMinutes(1), Interval, time, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var deleted = await images.DeleteUnusedAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} unused uploaded images")]
    private static partial void LogDeleted(ILogger logger, int count);
}
