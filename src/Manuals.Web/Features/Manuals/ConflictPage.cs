using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// Shown when someone saved first: the writer's text stays editable (based on the current revision now), beside
/// the current text and a diff from the current text to theirs.
/// </summary>
public sealed record ConflictPage(
    ManualFormModel Form,
    Manual Current,
    IReadOnlyList<DiffLine> Diff,
    IReadOnlyList<Department> Departments);
