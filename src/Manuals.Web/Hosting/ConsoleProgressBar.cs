using System.Globalization;
using Manuals.Core.Search;

namespace Manuals.Web.Hosting;

/// <summary>
/// Shows a rebuild's progress on the console: a bar redrawn in place on a terminal
/// (<c>[██████████░░░░░░░░░░]  52%  104/200</c>), or one line per tenth when the output is redirected to a file or a pipe.
/// </summary>
public sealed class ConsoleProgressBar(TextWriter output, bool interactive) : IProgress<SearchRebuildProgress>
{
    private const int Width = 30;
    private int _lastTenth = -1;

    public void Report(SearchRebuildProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fraction = value.Total == 0 ? 1.0 : Math.Clamp((double)value.Done / value.Total, 0, 1);
        var line = Line(fraction, value);
        if (interactive)
        {
            output.Write('\r' + line);
            if (value.Done >= value.Total)
            {
                output.WriteLine();
            }

            output.Flush();
            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(line);
        }
    }

    private static string Line(double fraction, SearchRebuildProgress value)
    {
        var filled = (int)Math.Round(fraction * Width);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{new string('█', filled)}{new string('░', Width - filled)}] {(int)Math.Round(fraction * 100),3}%  {value.Done}/{value.Total}");
    }
}
