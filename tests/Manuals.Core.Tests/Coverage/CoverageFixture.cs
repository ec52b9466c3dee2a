using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Coverage;

/// <summary>Builds small coverage inputs by hand: tasks, employees, cells and manual facts at a fixed moment.</summary>
internal sealed class CoverageFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(9));
    public static readonly DateOnly Today = new(2026, 11, 21);
    public static readonly CoverageMoment Moment = new(Now, Today);

    private long _nextId = 1;

    public List<BusinessTask> Tasks { get; } = [];
    public List<Employee> Employees { get; } = [];
    public List<SkillCell> Cells { get; } = [];
    public Dictionary<long, ManualFacts> Manuals { get; } = [];

    public BusinessTask Task(string name, TaskCriticality criticality = TaskCriticality.Medium, params long[] manualIds)
    {
        var task = new BusinessTask { Id = _nextId++, DepartmentId = 1, Name = name, Criticality = criticality, ManualIds = manualIds };
        Tasks.Add(task);
        return task;
    }

    public Employee Employee(string name, EmployeeStatus status = EmployeeStatus.Active, DateOnly? date = null)
    {
        var employee = new Employee { Id = _nextId++, DepartmentId = 1, Name = name, Status = status, StatusDate = date };
        Employees.Add(employee);
        return employee;
    }

    public void Cell(Employee employee, BusinessTask task, SkillLevel level, AssignmentRole role = AssignmentRole.None) =>
        Cells.Add(new SkillCell(employee.Id, task.Id, level, role));

    /// <summary>A manual; by default published, complete and due for review a day from now.</summary>
    public long Manual(ManualStatus status = ManualStatus.Published, TimeSpan? dueIn = null, bool complete = true)
    {
        var id = _nextId++;
        Manuals[id] = new ManualFacts(id, status, Now + (dueIn ?? TimeSpan.FromDays(1)), complete);
        return id;
    }

    /// <summary>A task with <paramref name="capable"/> employees at level 2 and a usable manual or none.</summary>
    public BusinessTask TaskWith(int capable, bool usableManual, TaskCriticality criticality)
    {
        var task = usableManual ? Task("業務", criticality, Manual()) : Task("業務", criticality);
        for (var i = 0; i < capable; i++)
        {
            Cell(Employee($"担当者{i + 1}"), task, SkillLevel.Independent);
        }

        return task;
    }

    public TaskCoverage Evaluate(BusinessTask task) =>
        CoverageRules.Evaluate(task, Cells, Employees.ToDictionary(e => e.Id), Manuals, Moment);

    public CoverageSnapshot Snapshot() => new(Tasks, Employees, Cells, Manuals);
}
