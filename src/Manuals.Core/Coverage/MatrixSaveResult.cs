using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>How a change of matrix cells ended; on a conflict, the current values of the cells someone else changed.</summary>
public sealed record MatrixSaveResult(SaveOutcome Outcome, int Changed, IReadOnlyList<SkillCell> Conflicts)
{
    public static MatrixSaveResult Failed(SaveOutcome outcome) => new(outcome, 0, []);
}
