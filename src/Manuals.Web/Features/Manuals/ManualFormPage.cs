using Manuals.Core.Departments;

namespace Manuals.Web.Features.Manuals;

/// <summary>The create/edit page: the form plus what the page needs around it.</summary>
public sealed record ManualFormPage(
    ManualFormModel Form,
    IReadOnlyList<Department> Departments,
    long? ManualId,
    string? PreviewHtml);
