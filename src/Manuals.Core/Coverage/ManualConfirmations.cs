namespace Manuals.Core.Coverage;

/// <summary>
/// What the people on a page have read of their tasks' manuals, limited to the manuals the viewer may read: a manual the
/// viewer may not read is neither listed nor counted towards a hint. A manual confirmed at the revision that counts is a
/// hint for the manager beside level 0 or 1 (「マニュアル確認済」), never a level by itself.
/// </summary>
public sealed class ManualConfirmations
{
    /// <summary>The highest level beside which a confirmed manual is shown: 1 指導があればできる.</summary>
    public const SkillLevel HintedUpTo = SkillLevel.WithGuidance;

    private readonly Dictionary<(long EmployeeId, long TaskId), List<TaskManualConfirmation>> _byCell;

    /// <param name="rows">The store's rows for the page's employees.</param>
    /// <param name="mayRead">Whether the viewer may read the manual of that id.</param>
    public ManualConfirmations(IEnumerable<TaskManualConfirmation> rows, Func<long, bool> mayRead)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(mayRead);
        _byCell = rows
            .Where(r => mayRead(r.ManualId))
            .GroupBy(r => (r.EmployeeId, r.TaskId))
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Nobody has read anything.</summary>
    public static ManualConfirmations None { get; } = new([], _ => false);

    /// <summary>The employee's confirmation of one of the task's manuals, or null when they have not confirmed it.</summary>
    public TaskManualConfirmation? Find(long employeeId, long taskId, long manualId) =>
        _byCell.TryGetValue((employeeId, taskId), out var rows) ? rows.Find(r => r.ManualId == manualId) : null;

    /// <summary>Whether the employee has read one of the task's manuals at the revision that counts (確認済).</summary>
    public bool HasConfirmed(long employeeId, long taskId) =>
        _byCell.TryGetValue((employeeId, taskId), out var rows) && rows.Exists(r => r.IsConfirmed);

    /// <summary>The tasks with a manual the employee confirmed, at the revision that counts or an earlier one.</summary>
    public IReadOnlySet<long> TaskIdsOf(long employeeId) =>
        _byCell.Keys.Where(k => k.EmployeeId == employeeId).Select(k => k.TaskId).ToHashSet();

    /// <summary>
    /// Whether a cell at <paramref name="level"/> shows 「マニュアル確認済」: level 0 or 1 and a manual of the task confirmed.
    /// Never at 2 or 3, where the person already does the task alone.
    /// </summary>
    public bool ShowsHint(long employeeId, long taskId, SkillLevel level) => level <= HintedUpTo && HasConfirmed(employeeId, taskId);
}
