using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Coverage;

/// <summary>Employees (担当者): list, a person's page, create and edit. Same rights as tasks.</summary>
[Route("employees")]
public sealed class EmployeesController(
    CoveragePages pages,
    EmployeeService service,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] long? department, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? this.ViewOr(await pages.EmployeesAsync(currentUser.Viewer, department, cancellationToken), "Employees")
            : BadRequest();

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.EmployeeAsync(currentUser.Viewer, id, cancellationToken), "EmployeeDetail");

    [HttpGet("new")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> New([FromQuery] long? department, CancellationToken cancellationToken)
    {
        var form = new EmployeeFormModel { DepartmentId = department ?? currentUser.Viewer.DepartmentIds.Order().FirstOrDefault() };
        return View("EmployeeForm", await pages.EmployeeFormAsync(currentUser.Viewer, form, null, cancellationToken));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> Create(EmployeeFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(form, null, cancellationToken);
        }

        return await AfterSaveAsync(await service.CreateAsync(currentUser.Viewer, form.ToEmployee(0), cancellationToken), form, null, cancellationToken);
    }

    [HttpGet("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, CancellationToken cancellationToken)
    {
        var page = await pages.EmployeeAsync(currentUser.Viewer, id, cancellationToken);
        if (page.Value is not { } detail)
        {
            return this.ViewOr(page);
        }

        if (!detail.CanEdit)
        {
            return Forbid();
        }

        return View("EmployeeForm", await pages.EmployeeFormAsync(currentUser.Viewer, EmployeeFormModel.From(detail.Employee), detail.Employee, cancellationToken));
    }

    [HttpPost("{id:long}/edit")]
    public async Task<IActionResult> Update(long id, EmployeeFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // Whether the user may change this person is decided before the input is judged, as on the form's page.
        var page = await pages.EmployeeAsync(currentUser.Viewer, id, cancellationToken);
        if (page.Value is not { } detail)
        {
            return this.ViewOr(page);
        }

        if (!detail.CanEdit)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(form, detail.Employee, cancellationToken);
        }

        return await AfterSaveAsync(await service.UpdateAsync(currentUser.Viewer, form.ToEmployee(id), cancellationToken), form, detail.Employee, cancellationToken);
    }

    private Task<IActionResult> AfterSaveAsync(CoverageResult result, EmployeeFormModel form, Employee? existing, CancellationToken cancellationToken) =>
        this.AfterSaveAsync(result, l, "Coverage.Employee.Saved", nameof(Show), () => FormAgainAsync(form, existing, cancellationToken));

    private async Task<IActionResult> FormAgainAsync(EmployeeFormModel form, Employee? existing, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("EmployeeForm", await pages.EmployeeFormAsync(currentUser.Viewer, form, existing, cancellationToken));
    }
}
