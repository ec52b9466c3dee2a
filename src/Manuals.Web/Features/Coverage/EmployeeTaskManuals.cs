using Manuals.Core.Coverage;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// One task on an employee's page with its manuals the viewer may read and what the employee read of them;
/// <see cref="ShowsHint"/> when the level is 0 or 1 and a manual is 確認済 (「マニュアル確認済」, the level stays as it is).
/// </summary>
public sealed record EmployeeTaskManuals(TaskCoverage Coverage, SkillCell Cell, IReadOnlyList<TaskManualReading> Manuals, bool ShowsHint);
