using Manuals.Core.Accounts;
using Manuals.Core.Common;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>Creating and changing employees: validation, the linked account and the access policy in one place.</summary>
public sealed class EmployeeService(IEmployeeStore employees, IDepartmentStore departments, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<CoverageResult> CreateAsync(Viewer viewer, Employee employee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(employee);
        Normalize(employee);
        var errors = await ValidateAsync(viewer, employee, null, cancellationToken);
        if (errors.Count > 0)
        {
            return CoverageResult.Invalid(errors);
        }

        if (!CoverageAccessPolicy.CanEdit(viewer, employee.DepartmentId))
        {
            return CoverageResult.Failed(SaveOutcome.Forbidden);
        }

        var id = await employees.CreateAsync(employee, clock.GetUtcNow(), cancellationToken);
        return id is { } created ? CoverageResult.Saved(created) : CoverageResult.Invalid([NameTaken]);
    }

    /// <summary>Saves the employee; moving them to another department needs the right to edit both.</summary>
    public async Task<CoverageResult> UpdateAsync(Viewer viewer, Employee employee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(employee);
        var existing = await employees.FindAsync(employee.Id, cancellationToken);
        if (existing is null)
        {
            return CoverageResult.Failed(SaveOutcome.NotFound, employee.Id);
        }

        if (!CoverageAccessPolicy.CanEdit(viewer, existing.DepartmentId))
        {
            return CoverageResult.Failed(SaveOutcome.Forbidden, employee.Id);
        }

        Normalize(employee);
        var errors = await ValidateAsync(viewer, employee, existing, cancellationToken);
        if (errors.Count > 0)
        {
            return CoverageResult.Invalid(errors, employee.Id);
        }

        if (!CoverageAccessPolicy.CanEdit(viewer, employee.DepartmentId))
        {
            return CoverageResult.Failed(SaveOutcome.Forbidden, employee.Id);
        }

        return await employees.UpdateAsync(employee, clock.GetUtcNow(), cancellationToken) switch
        {
            WriteStatus.Written => CoverageResult.Saved(employee.Id),
            WriteStatus.Duplicate => CoverageResult.Invalid([NameTaken], employee.Id),
            _ => CoverageResult.Failed(SaveOutcome.NotFound, employee.Id),
        };
    }

    private static ValidationError NameTaken => new(nameof(Employee.Name), "EmployeeNameTaken");

    private static void Normalize(Employee employee)
    {
        employee.Name = CoverageValidator.NormalizeName(employee.Name);
        employee.Email = string.IsNullOrWhiteSpace(employee.Email) ? null : employee.Email.Trim();
        if (employee.Status == EmployeeStatus.Active && employee.StatusDate is not null)
        {
            // 在籍 has no date that matters; keeping an old transfer date would only confuse.
            employee.StatusDate = null;
        }
    }

    /// <summary>
    /// The rules, and the account link: a new or changed link needs the right to link that account
    /// (<see cref="CoverageAccessPolicy.CanLinkAccount"/>); a link that stays as it was (<paramref name="existing"/>) does not,
    /// so an Editor can still save a person whose account an Admin linked.
    /// </summary>
    private async Task<IReadOnlyList<ValidationError>> ValidateAsync(Viewer viewer, Employee employee, Employee? existing, CancellationToken cancellationToken)
    {
        var known = await departments.ListAsync(cancellationToken);
        var errors = CoverageValidator.Validate(employee, known.Select(d => d.Id)).ToList();
        if (employee.UserId is not { } userId)
        {
            return errors;
        }

        var account = await accounts.FindAsync(userId, cancellationToken);
        if (account is null)
        {
            errors.Add(new(nameof(employee.UserId), "UserUnknown"));
        }
        else if (!(existing?.UserId == userId && existing.DepartmentId == employee.DepartmentId)
            && !CoverageAccessPolicy.CanLinkAccount(viewer, account, employee.DepartmentId))
        {
            errors.Add(new(nameof(employee.UserId), "UserNotInDepartment", account.UserName));
        }

        return errors;
    }
}
