using System.Data.Common;
using System.Globalization;
using Dapper;
using Manuals.Core.Coverage;

namespace Manuals.Data.Coverage;

/// <summary>Employees in <c>employees</c>; <c>status_date</c> is ISO date text on both engines.</summary>
public sealed class EmployeeStore(IDbConnectionFactory connections) : IEmployeeStore
{
    private const string Columns = "id, name, department_id, email, status, status_date, user_id, updated_at";

    public async Task<IReadOnlyList<Employee>> ListAsync(long? departmentId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM employees WHERE @departmentId IS NULL OR department_id = @departmentId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EmployeeRow>(new CommandDefinition(sql, new { departmentId }, cancellationToken: cancellationToken));
        // Ordered here, not in SQL, so both engines agree whatever the database collation.
        return rows.Select(r => r.ToEmployee())
            .OrderBy(e => e.DepartmentId)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<Employee>> ListByUserAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM employees WHERE user_id = @userId ORDER BY id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EmployeeRow>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEmployee()).ToList();
    }

    public async Task<Employee?> FindAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM employees WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EmployeeRow>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return row?.ToEmployee();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM employees", cancellationToken: cancellationToken));
    }

    public async Task<long?> CreateAsync(Employee employee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employee);
        await using var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return await InsertAsync(connection, null, employee, now, cancellationToken);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    public async Task<WriteStatus> UpdateAsync(Employee employee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employee);
        await using var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return await UpdateAsync(connection, null, employee, now, cancellationToken) ? WriteStatus.Written : WriteStatus.NotFound;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return WriteStatus.Duplicate;
        }
    }

    public async Task<bool> SaveManyAsync(IReadOnlyList<Employee> employees, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employees);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var employee in employees)
            {
                if (employee.Id == 0)
                {
                    await InsertAsync(connection, transaction, employee, now, cancellationToken);
                }
                else if (!await UpdateAsync(connection, transaction, employee, now, cancellationToken))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return false;
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    private static async Task<long> InsertAsync(DbConnection connection, DbTransaction? transaction, Employee employee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO employees (name, department_id, email, status, status_date, user_id, created_at, updated_at)
            VALUES (@Name, @DepartmentId, @Email, @Status, @StatusDate, @UserId, @now, @now)
            RETURNING id
            """;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, Parameters(employee, now), transaction, cancellationToken: cancellationToken));
    }

    private static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction? transaction, Employee employee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE employees
            SET name = @Name, department_id = @DepartmentId, email = @Email, status = @Status, status_date = @StatusDate,
                user_id = @UserId, updated_at = @now
            WHERE id = @Id
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, Parameters(employee, now), transaction, cancellationToken: cancellationToken)) == 1;
    }

    private static object Parameters(Employee employee, DateTimeOffset now) => new
    {
        employee.Id,
        employee.Name,
        employee.DepartmentId,
        employee.Email,
        Status = employee.Status.ToString(),
        StatusDate = employee.StatusDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        employee.UserId,
        now,
    };

    private sealed class EmployeeRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public long DepartmentId { get; set; }
        public string? Email { get; set; }
        public string Status { get; set; } = "";
        public string? StatusDate { get; set; }
        public long? UserId { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public Employee ToEmployee() => new()
        {
            Id = Id,
            Name = Name,
            DepartmentId = DepartmentId,
            Email = Email,
            Status = Enum.Parse<EmployeeStatus>(Status),
            StatusDate = StatusDate is null ? null : DateOnly.ParseExact(StatusDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            UserId = UserId,
            UpdatedAt = UpdatedAt,
        };
    }
}
