using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>Changes matrix cells: checks the tasks, employees and values, and the viewer's right to edit each task's department.</summary>
public sealed class SkillMatrixService(ISkillMatrixStore matrix, IBusinessTaskStore tasks, IEmployeeStore employees, TimeProvider clock)
{
    /// <summary>
    /// Applies the edits that change something, all or nothing. Unknown tasks or employees are
    /// <see cref="SaveOutcome.NotFound"/>; a task in a department the viewer may not edit is <see cref="SaveOutcome.Forbidden"/>;
    /// a cell that changed since the editor saw it is a <see cref="SaveOutcome.Conflict"/> and nothing is written.
    /// </summary>
    public async Task<MatrixSaveResult> ApplyAsync(Viewer viewer, Author author, IReadOnlyList<SkillCellEdit> edits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Any(e => !Enum.IsDefined(e.ToLevel) || !Enum.IsDefined(e.ToRole) || !Enum.IsDefined(e.FromLevel) || !Enum.IsDefined(e.FromRole)))
        {
            return MatrixSaveResult.Failed(SaveOutcome.Invalid);
        }

        var taskDepartments = (await tasks.ListAsync(null, cancellationToken)).ToDictionary(t => t.Id, t => t.DepartmentId);
        var employeeIds = (await employees.ListAsync(null, cancellationToken)).Select(e => e.Id).ToHashSet();
        if (edits.Any(e => !taskDepartments.ContainsKey(e.TaskId) || !employeeIds.Contains(e.EmployeeId)))
        {
            return MatrixSaveResult.Failed(SaveOutcome.NotFound);
        }

        if (edits.Any(e => !CoverageAccessPolicy.CanEdit(viewer, taskDepartments[e.TaskId])))
        {
            return MatrixSaveResult.Failed(SaveOutcome.Forbidden);
        }

        var changes = edits.Where(e => e.IsChange).DistinctBy(e => (e.EmployeeId, e.TaskId)).ToList();
        if (changes.Count == 0)
        {
            return new MatrixSaveResult(SaveOutcome.Saved, 0, []);
        }

        var conflicts = await matrix.ApplyAsync(changes, author, clock.GetUtcNow(), cancellationToken);
        return conflicts.Count == 0
            ? new MatrixSaveResult(SaveOutcome.Saved, changes.Count, [])
            : new MatrixSaveResult(SaveOutcome.Conflict, 0, conflicts);
    }
}
