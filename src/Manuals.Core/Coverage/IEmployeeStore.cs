namespace Manuals.Core.Coverage;

/// <summary>Employees (担当者). Names are unique across the company, so files and forms can name people unambiguously.</summary>
public interface IEmployeeStore
{
    /// <summary>Employees of one department, or of all when <paramref name="departmentId"/> is null, by department then name.</summary>
    Task<IReadOnlyList<Employee>> ListAsync(long? departmentId, CancellationToken cancellationToken);

    Task<Employee?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The employees linked to the sign-in account <paramref name="userId"/>.</summary>
    Task<IReadOnlyList<Employee>> ListByUserAsync(long userId, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Creates the employee; returns the id, or null when the name is already used.</summary>
    Task<long?> CreateAsync(Employee employee, DateTimeOffset now, CancellationToken cancellationToken);

    Task<WriteStatus> UpdateAsync(Employee employee, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Creates (id 0) or updates each employee in one transaction; false, writing nothing, when a name collides.</summary>
    Task<bool> SaveManyAsync(IReadOnlyList<Employee> employees, DateTimeOffset now, CancellationToken cancellationToken);
}
