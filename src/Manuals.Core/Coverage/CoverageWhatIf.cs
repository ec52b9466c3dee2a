namespace Manuals.Core.Coverage;

/// <summary>「この人がいなくなったら」: coverage with and without some employees, through the same rules.</summary>
public static class CoverageWhatIf
{
    /// <summary>
    /// The tasks that lose a capable person when <paramref name="employeeIds"/> are gone, those dropping to 0 or 1
    /// capable first, then worst risk after, then by name.
    /// </summary>
    public static IReadOnlyList<WhatIfRow> Compare(CoverageSnapshot snapshot, IReadOnlySet<long> employeeIds, CoverageMoment moment)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(employeeIds);
        var before = snapshot.Evaluate(moment);
        var after = snapshot.EvaluateWithout(employeeIds, moment);
        return before.Tasks
            .Select(b => new WhatIfRow(b, after.Find(b.Task.Id)!))
            .Where(r => r.After.CapableCount < r.Before.CapableCount)
            .OrderByDescending(r => r.DropsToOneOrNone)
            .ThenBy(r => r.After.Risk)
            .ThenBy(r => r.After.CapableCount)
            .ThenBy(r => r.Task.DepartmentId)
            .ThenBy(r => r.Task.Name, StringComparer.Ordinal)
            .ToList();
    }
}
