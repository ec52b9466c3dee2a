using Manuals.Core.Manuals;

namespace Manuals.Web.Shared;

/// <summary>
/// Shortens a diff for reading: changed lines with a few unchanged lines around them; each longer unchanged run
/// becomes one gap (a null line with the number of lines it stands for).
/// </summary>
public static class DiffContext
{
    public const int ContextLines = 2;

    public static IReadOnlyList<(DiffLine? Line, int Skipped)> Around(IReadOnlyList<DiffLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffLineKind.Unchanged)
            {
                for (var j = Math.Max(0, i - ContextLines); j <= Math.Min(lines.Count - 1, i + ContextLines); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var result = new List<(DiffLine?, int)>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                if (skipped > 0)
                {
                    result.Add((null, skipped));
                    skipped = 0;
                }

                result.Add((lines[i], 0));
            }
            else
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            result.Add((null, skipped));
        }

        return result;
    }
}
