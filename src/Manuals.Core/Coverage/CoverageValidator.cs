using System.Net.Mail;
using Manuals.Core.Common;

namespace Manuals.Core.Coverage;

/// <summary>
/// The rules a task or an employee obeys, whether typed in a form or read from a CSV file. Codes are localised by
/// the web layer as <c>Coverage.Validation.{Code}</c>.
/// </summary>
public static class CoverageValidator
{
    public static IReadOnlyList<ValidationError> Validate(BusinessTask task, IEnumerable<long> knownDepartmentIds)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(knownDepartmentIds);
        var errors = new List<ValidationError>();
        if (!knownDepartmentIds.Contains(task.DepartmentId))
        {
            errors.Add(new(nameof(task.DepartmentId), "DepartmentUnknown"));
        }

        if (TextInput.IsBlank(task.Name))
        {
            errors.Add(new(nameof(task.Name), "TaskNameRequired"));
        }
        else if (task.Name.Length > CoverageLimits.TaskNameMaxLength)
        {
            errors.Add(new(nameof(task.Name), "TaskNameTooLong"));
        }

        if (task.Description.Length > CoverageLimits.DescriptionMaxLength)
        {
            errors.Add(new(nameof(task.Description), "DescriptionTooLong"));
        }

        if (!Enum.IsDefined(task.Frequency))
        {
            errors.Add(new(nameof(task.Frequency), "FrequencyUnknown"));
        }

        if (task.Timing.Length > CoverageLimits.TimingMaxLength)
        {
            errors.Add(new(nameof(task.Timing), "TimingTooLong"));
        }

        if (!Enum.IsDefined(task.Criticality))
        {
            errors.Add(new(nameof(task.Criticality), "CriticalityUnknown"));
        }

        return errors;
    }

    public static IReadOnlyList<ValidationError> Validate(Employee employee, IEnumerable<long> knownDepartmentIds)
    {
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(knownDepartmentIds);
        var errors = new List<ValidationError>();
        if (!knownDepartmentIds.Contains(employee.DepartmentId))
        {
            errors.Add(new(nameof(employee.DepartmentId), "DepartmentUnknown"));
        }

        if (TextInput.IsBlank(employee.Name))
        {
            errors.Add(new(nameof(employee.Name), "EmployeeNameRequired"));
        }
        else if (employee.Name.Length > CoverageLimits.EmployeeNameMaxLength)
        {
            errors.Add(new(nameof(employee.Name), "EmployeeNameTooLong"));
        }

        if (!string.IsNullOrEmpty(employee.Email) && !IsEmail(employee.Email))
        {
            errors.Add(new(nameof(employee.Email), "EmailInvalid"));
        }

        if (!Enum.IsDefined(employee.Status))
        {
            errors.Add(new(nameof(employee.Status), "EmployeeStatusUnknown"));
        }
        else if (employee.Status != EmployeeStatus.Active && employee.StatusDate is null)
        {
            errors.Add(new(nameof(employee.StatusDate), "StatusDateRequired"));
        }

        if (!InputDates.IsSupported(employee.StatusDate))
        {
            errors.Add(new(nameof(employee.StatusDate), "StatusDateOutOfRange"));
        }

        return errors;
    }

    /// <summary>Trims and collapses the whitespace of a name, so 「山田　太郎 」 and 「山田 太郎」 are one person.</summary>
    public static string NormalizeName(string? name) =>
        string.Join(' ', (name ?? "").Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static bool IsEmail(string value) =>
        value.Length <= CoverageLimits.EmailMaxLength
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);
}
