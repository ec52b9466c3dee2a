using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// Shown when someone saved first: the writer's edit merged with the current manual, every field editable and based on
/// the current revision now, each difference beside the other save's value, and both sides' changes from the common base.
/// </summary>
/// <param name="Form">The merge proposal, to be saved on top of the current revision.</param>
/// <param name="Current">The manual as the save that came first left it.</param>
/// <param name="Conflict">The merge and who saved first, when.</param>
/// <param name="SavedByViewer">True when the save that came first was the writer's own (another tab or window).</param>
/// <param name="Fields">Every field but the body, with its values shown as text.</param>
/// <param name="Departments">The departments the writer may choose.</param>
/// <param name="Templates">The templates the writer may choose.</param>
/// <param name="TheirChanges">The other save's body changes from the common base; null when the base is not known.</param>
/// <param name="MyChanges">The writer's body changes from the common base (from the current body when the base is not known).</param>
public sealed record ConflictPage(
    ManualFormModel Form,
    Manual Current,
    ManualConflict Conflict,
    bool SavedByViewer,
    IReadOnlyList<ConflictFieldView> Fields,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<StepTemplate> Templates,
    IReadOnlyList<DiffLine>? TheirChanges,
    IReadOnlyList<DiffLine> MyChanges)
{
    public ManualMerge Merge => Conflict.Merge;
}
