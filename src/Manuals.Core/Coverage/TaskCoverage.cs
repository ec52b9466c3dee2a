namespace Manuals.Core.Coverage;

/// <summary>
/// A task's coverage: who can do it, which linked manuals are usable, the risk, and the verdict with the step that
/// would lower it. Computed by <see cref="CoverageRules.Evaluate"/>, never stored.
/// </summary>
public sealed record TaskCoverage(
    BusinessTask Task,
    IReadOnlyList<Employee> Capable,
    IReadOnlyList<LinkedManual> Manuals,
    CoverageRisk Risk,
    CoverageVerdict Verdict,
    ManualAction ManualAction,
    PeopleAction PeopleAction)
{
    public int CapableCount => Capable.Count;

    public bool HasUsableManual => Manuals.Any(m => m.IsUsable);

    /// <summary>The verdict sentence, e.g. 「危険: 山田さんしかできず、使えるマニュアルがありません。」 (name and count as arguments).</summary>
    public CoverageMessage VerdictMessage =>
        new(Verdict.ToString(), [CapableCount, Capable.Count == 1 ? Capable[0].Name : ""]);

    /// <summary>The suggested fix, e.g. 「マニュアルを作成し、副担当を育成してください。」: code <c>{ManualAction}.{PeopleAction}</c>.</summary>
    public CoverageMessage FixMessage => new($"{ManualAction}.{PeopleAction}", []);
}
