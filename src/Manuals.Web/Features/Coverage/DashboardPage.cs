using Manuals.Core.Coverage;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// <c>/coverage</c>: risk counts per department, the tasks to act on and the people work depends on (the first of each,
/// most urgent first), and the departments' matrices as heatmaps where they fit on a screen.
/// </summary>
public sealed record DashboardPage(CoverageView View)
{
    /// <summary>How many tasks at risk and people relied on the page lists; the task list has them all.</summary>
    public const int ListLength = 50;

    /// <summary>
    /// The largest matrix (tasks × people) drawn as a heatmap here: about 50 tasks × 30 people, what a screen shows
    /// readably. A larger department's matrix is linked instead, to its own page.
    /// </summary>
    public const int HeatmapCellLimit = 1_500;

    public IReadOnlyList<TaskCoverage> CriticalAndHigh { get; } = View.Report.AtRisk(CoverageRisk.Critical, CoverageRisk.High);

    public IReadOnlyList<SoleCapable> SoleCapable { get; } = View.Report.SoleCapable();

    /// <summary>Each department with its number of tasks at each risk.</summary>
    public IReadOnlyList<(Department Department, IReadOnlyDictionary<CoverageRisk, int> Counts)> RiskRows { get; } =
        View.Departments.Select(d => (d, View.Report.CountByRisk(d.Id))).ToList();

    /// <summary>The largest department's task count: the scale of the bar chart.</summary>
    public int MaxTasks => RiskRows.Select(r => r.Counts.Values.Sum()).DefaultIfEmpty(0).Max();

    /// <summary>Each department's matrix that has tasks: drawn when it fits <see cref="HeatmapCellLimit"/>, else linked.</summary>
    public IReadOnlyList<MatrixPage> Matrices { get; } =
        View.Departments
            .Select(d => new MatrixPage(View, d, View.MatrixEmployees(d.Id), View.TasksOf(d.Id).OrderBy(t => t.Task.Id).ToList()))
            .Where(m => m.Tasks.Count > 0)
            .ToList();

    public IEnumerable<MatrixPage> Heatmaps => Matrices.Where(Fits);

    public IEnumerable<MatrixPage> LargeMatrices => Matrices.Where(m => !Fits(m));

    private static bool Fits(MatrixPage matrix) => (long)matrix.Tasks.Count * matrix.Employees.Count <= HeatmapCellLimit;
}
