using Manuals.Core.Coverage;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/coverage</c>: risk counts per department, the matrices as heatmaps, the tasks to act on and the people work depends on.</summary>
public sealed record DashboardPage(CoverageView View)
{
    public IReadOnlyList<TaskCoverage> CriticalAndHigh => View.Report.AtRisk(CoverageRisk.Critical, CoverageRisk.High);

    public IReadOnlyList<SoleCapable> SoleCapable => View.Report.SoleCapable();

    /// <summary>Each department with its number of tasks at each risk.</summary>
    public IReadOnlyList<(Department Department, IReadOnlyDictionary<CoverageRisk, int> Counts)> RiskRows =>
        View.Departments.Select(d => (d, View.Report.CountByRisk(d.Id))).ToList();

    /// <summary>The largest department's task count: the scale of the bar chart.</summary>
    public int MaxTasks => RiskRows.Select(r => r.Counts.Values.Sum()).DefaultIfEmpty(0).Max();

    /// <summary>Each department's matrix, for the heatmaps.</summary>
    public IReadOnlyList<MatrixPage> Heatmaps =>
        View.Departments
            .Select(d => new MatrixPage(View, d, View.MatrixEmployees(d.Id), View.TasksOf(d.Id).OrderBy(t => t.Task.Id).ToList()))
            .Where(m => m.Tasks.Count > 0)
            .ToList();
}
