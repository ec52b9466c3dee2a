using Manuals.Data.Operations;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// What <c>backup</c>, <c>restore</c> and <c>migrate-to-postgres</c> share: the operation's progress on
/// <see cref="ProgressDisplay"/>, each step and refusal worded for people, and the exit code a refusal means.
/// </summary>
public static class OperationCommands
{
    /// <summary>
    /// Runs <paramref name="operation"/> with a progress display; a refusal is explained and ends in
    /// <see cref="ExitCodes.Refused"/>, with <paramref name="hint"/> (when given) for a non-empty target.
    /// </summary>
    public static async Task<int> RunAsync<T>(
        CommandContext context, Func<IProgress<OperationProgress>, Task<T>> operation, Action<T> done, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(done);
        try
        {
            var result = await ProgressDisplay.RunAsync(progress => operation(new Steps(context, progress)));
            done(result);
            return ExitCodes.Done;
        }
        catch (OperationRefusedException ex)
        {
            context.Complain($"Cli.Refusal.{ex.Reason}", ex.Detail);
            if (hint is not null && ex.Reason == OperationRefusal.TargetNotEmpty)
            {
                context.Complain(hint);
            }

            return ExitCodes.Refused;
        }
    }

    /// <summary>The operation's steps (<c>backup</c>, <c>copy</c>…) as labels in the chosen language.</summary>
    private sealed class Steps(CommandContext context, IProgress<ProgressReport> display) : IProgress<OperationProgress>
    {
        public void Report(OperationProgress value)
        {
            ArgumentNullException.ThrowIfNull(value);
            display.Report(new ProgressReport(context.Text[$"Cli.Step.{value.Step}"], value.Item, value.Done, value.Total));
        }
    }
}
