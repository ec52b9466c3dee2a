using Manuals.Core.Departments;
using Manuals.Core.Manuals.Editing;
using Manuals.Core.Templates;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// The create/edit page: the form plus what the page needs around it. <paramref name="Layout"/> is the step editor's
/// blocks for the form's body (null in the Markdown editor); <paramref name="AddStep"/> asks for one more empty card.
/// </summary>
public sealed record ManualFormPage(
    ManualFormModel Form,
    IReadOnlyList<Department> Departments,
    long? ManualId,
    string? PreviewHtml,
    CompletenessReport Completeness,
    IReadOnlyList<StepTemplate> Templates,
    EditorLayout? Layout,
    bool AddStep = false)
{
    /// <summary>The manual's open request (承認待ち or 差し戻し), when the viewer may see it.</summary>
    public global::Manuals.Core.Approvals.ApprovalRequest? OpenRequest { get; init; }

    /// <summary>The form holds <see cref="OpenRequest"/>'s text (the writer editing their own request), not the current revision's.</summary>
    public bool EditsRequest { get; init; }

    /// <summary>How many approval stages the form's department has (0: publishing needs no approval).</summary>
    public int ApprovalStages { get; init; }
}
