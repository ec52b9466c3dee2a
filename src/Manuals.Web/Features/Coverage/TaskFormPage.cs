using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary>The task form with the departments the viewer may choose (plus the task's current one).</summary>
public sealed record TaskFormPage(TaskFormModel Form, IReadOnlyList<Department> Departments, long? TaskId);
