using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/tasks?manual={id}</c>: the tasks a manual describes, and a form to link it to another task.</summary>
public sealed record ManualTasksPage(CoverageView View, ManualSummary Manual, IReadOnlyList<TaskCoverage> Tasks, IReadOnlyList<BusinessTask> Linkable);
