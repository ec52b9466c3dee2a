using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Web.Features.Coverage;

namespace Manuals.Web.Features.Handovers;

/// <summary>
/// <c>/handovers/new</c>: the start form, the employees the viewer may start one for, and — once an employee is chosen —
/// the tasks the checklist will hold, so the manager sees what they are starting.
/// </summary>
public sealed record HandoverStartPage(
    CoverageView View,
    HandoverStartForm Form,
    IReadOnlyList<Employee> Employees,
    Employee? Selected,
    IReadOnlyList<HandoverItem> Preview,
    HandoverSummary? Open);
