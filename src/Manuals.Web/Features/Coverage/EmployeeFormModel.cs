using System.ComponentModel.DataAnnotations;
using Manuals.Core.Coverage;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Coverage;

/// <summary>The employee create/edit form.</summary>
public sealed class EmployeeFormModel
{
    [RequiredText(ErrorMessage = "Validation.Required")]
    [StringLength(CoverageLimits.EmployeeNameMaxLength, ErrorMessage = "Coverage.Validation.EmployeeNameTooLong")]
    [Display(Name = "Coverage.Field.EmployeeName")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Coverage.Field.Department")]
    public long? DepartmentId { get; set; }

    [StringLength(CoverageLimits.EmailMaxLength, ErrorMessage = "Coverage.Validation.EmailInvalid")]
    [Display(Name = "Coverage.Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Coverage.Field.Status")]
    public EmployeeStatus Status { get; set; } = EmployeeStatus.Active;

    [Display(Name = "Coverage.Field.StatusDate")]
    public DateOnly? StatusDate { get; set; }

    [Display(Name = "Coverage.Field.User")]
    public long? UserId { get; set; }

    public static EmployeeFormModel From(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return new()
        {
            Name = employee.Name,
            DepartmentId = employee.DepartmentId,
            Email = employee.Email,
            Status = employee.Status,
            StatusDate = employee.StatusDate,
            UserId = employee.UserId,
        };
    }

    public Employee ToEmployee(long id) => new()
    {
        Id = id,
        Name = Name,
        DepartmentId = DepartmentId ?? 0,
        Email = Email,
        Status = Status,
        StatusDate = StatusDate,
        UserId = UserId,
    };
}
