namespace Manuals.Web.Hosting;

/// <summary>
/// A job every node runs on its own: once soon after start-up, then every interval. A failed run (the database away) is
/// logged and tried again at the next interval; stopping the app ends the wait.
/// </summary>
public abstract partial class PeriodicJob(TimeSpan firstRun, TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(firstRun, time, stoppingToken);
            using var timer = new PeriodicTimer(interval, time);
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

    /// <summary>One run of the job; a failure is logged, not thrown.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The job's boundary: a failed run is logged and tried again next interval.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, GetType().Name, ex);
        }
    }

    /// <summary>The job's work.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
