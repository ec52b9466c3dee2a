using Manuals.Core.Departments;
using Manuals.Core.Templates;

namespace Manuals.Web.Features.Manuals;

/// <summary>The create/edit page: the form plus what the page needs around it.</summary>
public sealed record ManualFormPage(
    ManualFormModel Form,
    IReadOnlyList<Department> Departments,
    long? ManualId,
    string? PreviewHtml,
    CompletenessReport Completeness,
    IReadOnlyList<StepTemplate> Templates);
