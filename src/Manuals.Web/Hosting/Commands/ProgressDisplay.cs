using System.Globalization;
using Spectre.Console;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// Shows a long command's progress: Spectre.Console's bars on a terminal, one per step; and when the output goes to a
/// file or a pipe (a script, a log), plain lines instead — one when a step starts or moves to another item, and one per
/// tenth of it.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing what it reports.</summary>
    public static async Task<T> RunAsync<T>(Func<IProgress<ProgressReport>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Console.IsOutputRedirected)
        {
            return await work(Plain(Console.Out));
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new BarProgress(context)));
    }

    /// <summary>The plain-line form, written to <paramref name="output"/>.</summary>
    public static IProgress<ProgressReport> Plain(TextWriter output) => new LineProgress(output);

    private sealed class LineProgress(TextWriter output) : IProgress<ProgressReport>
    {
        private readonly Lock _lock = new();
        private string? _label;
        private string? _item;
        private int _lastTenth;

        public void Report(ProgressReport value)
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_lock)
            {
                var tenth = value.Total > 0 ? (int)(Math.Clamp((double)value.Done / value.Total, 0, 1) * 10) : 0;
                if (value.Label == _label && value.Item == _item && tenth <= _lastTenth)
                {
                    return;
                }

                (_label, _item, _lastTenth) = (value.Label, value.Item, tenth);
                var item = value.Item is null ? "" : "  " + value.Item;
                output.WriteLine(value.Total > 0
                    ? string.Create(CultureInfo.CurrentCulture, $"{value.Label}  {tenth * 10,3}%  {value.Done:N0}/{value.Total:N0}{item}")
                    : string.Create(CultureInfo.CurrentCulture, $"{value.Label}{item}"));
                output.Flush();
            }
        }
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<ProgressReport>
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private ProgressTask? _current;

        public void Report(ProgressReport value)
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_lock)
            {
                if (!_tasks.TryGetValue(value.Label, out var task))
                {
                    Finish(_current);
                    task = _tasks[value.Label] = context.AddTask(Markup.Escape(value.Label));
                }

                _current = task;
                task.Description = Markup.Escape(value.Item is null ? value.Label : $"{value.Label}  {value.Item}");
                task.IsIndeterminate = value.Total <= 0;
                if (value.Total > 0)
                {
                    task.MaxValue = value.Total;
                    task.Value = Math.Min(value.Done, value.Total);
                }
            }
        }

        private static void Finish(ProgressTask? task)
        {
            if (task is not null)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
