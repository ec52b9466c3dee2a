using Manuals.Core.Coverage;

namespace Manuals.Core.Tests.Coverage;

public sealed class CoverageValidatorTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1999, 12, 31)]
    [InlineData(2100, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Validate_EmployeeStatusDateOutsideSupportedYears_StatusDateOutOfRange(int year, int month, int day)
    {
        var employee = new Employee { Name = "上田 陽介", DepartmentId = 1, Status = EmployeeStatus.LeavingScheduled, StatusDate = new DateOnly(year, month, day) };

        var errors = CoverageValidator.Validate(employee, [1]);

        var error = Assert.Single(errors);
        Assert.Equal((nameof(Employee.StatusDate), "StatusDateOutOfRange"), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(2000, 1, 1)]
    [InlineData(2099, 12, 31)]
    public void Validate_EmployeeStatusDateAtTheEdges_Valid(int year, int month, int day)
    {
        var employee = new Employee { Name = "上田 陽介", DepartmentId = 1, Status = EmployeeStatus.LeavingScheduled, StatusDate = new DateOnly(year, month, day) };

        Assert.Empty(CoverageValidator.Validate(employee, [1]));
    }
}
