namespace Manuals.Core.Departments;

/// <summary>Departments (部署).</summary>
public interface IDepartmentStore
{
    /// <summary>All departments in display order.</summary>
    Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken);
}
