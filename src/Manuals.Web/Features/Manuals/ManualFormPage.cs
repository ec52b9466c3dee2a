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
    bool AddStep = false);
