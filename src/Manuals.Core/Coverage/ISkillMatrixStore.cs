using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>The skill matrix (星取表) and the history of its changes.</summary>
public interface ISkillMatrixStore
{
    /// <summary>Stored cells of the tasks of one department, or of all when null. Cells not stored are level 0, no role.</summary>
    Task<IReadOnlyList<SkillCell>> ListCellsAsync(long? departmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the edits that change something, each recorded as a <see cref="SkillChange"/> by <paramref name="author"/>,
    /// in one transaction. When a cell no longer holds an edit's from-value (someone changed it meanwhile) nothing is
    /// written and the current values of those cells are returned; an empty list means everything was applied.
    /// </summary>
    Task<IReadOnlyList<SkillCell>> ApplyAsync(IReadOnlyList<SkillCellEdit> edits, Author author, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Changes, newest first, filtered by the task's department, the task and the employee when given.</summary>
    Task<IReadOnlyList<SkillChange>> ListChangesAsync(
        long? departmentId, long? taskId, long? employeeId, int limit, CancellationToken cancellationToken);
}
