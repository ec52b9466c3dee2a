namespace Manuals.Core.Notifications;

/// <summary>Each department's chat webhook (at most one per department).</summary>
public interface IDepartmentWebhookStore
{
    /// <summary>Every department's webhook that is set, by department id.</summary>
    Task<IReadOnlyList<DepartmentWebhook>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The department's webhook, or null when it has none.</summary>
    Task<DepartmentWebhook?> FindAsync(long departmentId, CancellationToken cancellationToken);

    /// <summary>Sets the department's webhook, replacing the one it had.</summary>
    Task SetAsync(DepartmentWebhook webhook, CancellationToken cancellationToken);

    /// <summary>Removes the department's webhook; false when it had none.</summary>
    Task<bool> RemoveAsync(long departmentId, CancellationToken cancellationToken);
}
