using Manuals.Core.Accounts;
using Manuals.Core.Common;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>Creating and changing business tasks and their manual links: validation and the access policies in one place.</summary>
public sealed class BusinessTaskService(IBusinessTaskStore tasks, IDepartmentStore departments, IManualStore manuals, TimeProvider clock)
{
    public async Task<CoverageResult> CreateAsync(Viewer viewer, BusinessTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(task);
        Normalize(task);
        var errors = await ValidateAsync(task, cancellationToken);
        if (errors.Count > 0)
        {
            return CoverageResult.Invalid(errors);
        }

        if (!CoverageAccessPolicy.CanEdit(viewer, task.DepartmentId))
        {
            return CoverageResult.Failed(SaveOutcome.Forbidden);
        }

        task.ManualIds = [];
        var id = await tasks.CreateAsync(task, clock.GetUtcNow(), cancellationToken);
        return id is { } created ? CoverageResult.Saved(created) : CoverageResult.Invalid([NameTaken]);
    }

    public async Task<CoverageResult> UpdateAsync(Viewer viewer, BusinessTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(task);
        var existing = await tasks.FindAsync(task.Id, cancellationToken);
        if (existing is null)
        {
            return CoverageResult.Failed(SaveOutcome.NotFound, task.Id);
        }

        if (!CoverageAccessPolicy.CanEdit(viewer, existing.DepartmentId))
        {
            return CoverageResult.Failed(SaveOutcome.Forbidden, task.Id);
        }

        Normalize(task);
        var errors = await ValidateAsync(task, cancellationToken);
        if (errors.Count > 0)
        {
            return CoverageResult.Invalid(errors, task.Id);
        }

        if (!CoverageAccessPolicy.CanEdit(viewer, task.DepartmentId))
        {
            return CoverageResult.Failed(SaveOutcome.Forbidden, task.Id);
        }

        return await tasks.UpdateAsync(task, clock.GetUtcNow(), cancellationToken) switch
        {
            WriteStatus.Written => CoverageResult.Saved(task.Id),
            WriteStatus.Duplicate => CoverageResult.Invalid([NameTaken], task.Id),
            _ => CoverageResult.Failed(SaveOutcome.NotFound, task.Id),
        };
    }

    /// <summary>Links a manual the viewer can read to a task the viewer may edit.</summary>
    public async Task<SaveOutcome> LinkManualAsync(Viewer viewer, long taskId, long manualId, CancellationToken cancellationToken)
    {
        var check = await CheckLinkAsync(viewer, taskId, manualId, cancellationToken);
        if (check != SaveOutcome.Saved)
        {
            return check;
        }

        return await tasks.LinkManualAsync(taskId, manualId, cancellationToken) ? SaveOutcome.Saved : SaveOutcome.NotFound;
    }

    public async Task<SaveOutcome> UnlinkManualAsync(Viewer viewer, long taskId, long manualId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var task = await tasks.FindAsync(taskId, cancellationToken);
        if (task is null || !task.ManualIds.Contains(manualId))
        {
            return SaveOutcome.NotFound;
        }

        // Unlinking needs no right to read the manual: a link someone else made must be removable by the task's editors.
        if (!CoverageAccessPolicy.CanEdit(viewer, task.DepartmentId))
        {
            return SaveOutcome.Forbidden;
        }

        return await tasks.UnlinkManualAsync(taskId, manualId, cancellationToken) ? SaveOutcome.Saved : SaveOutcome.NotFound;
    }

    private static ValidationError NameTaken => new(nameof(BusinessTask.Name), "TaskNameTaken");

    private async Task<SaveOutcome> CheckLinkAsync(Viewer viewer, long taskId, long manualId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var task = await tasks.FindAsync(taskId, cancellationToken);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (task is null || manual is null)
        {
            return SaveOutcome.NotFound;
        }

        return CoverageAccessPolicy.CanEdit(viewer, task.DepartmentId) && ManualAccessPolicy.CanRead(viewer, manual)
            ? SaveOutcome.Saved
            : SaveOutcome.Forbidden;
    }

    private static void Normalize(BusinessTask task)
    {
        task.Name = (task.Name ?? "").Trim();
        task.Description = (task.Description ?? "").Trim();
        task.Timing = (task.Timing ?? "").Trim();
    }

    private async Task<IReadOnlyList<ValidationError>> ValidateAsync(BusinessTask task, CancellationToken cancellationToken)
    {
        var known = await departments.ListAsync(cancellationToken);
        return CoverageValidator.Validate(task, known.Select(d => d.Id));
    }
}
