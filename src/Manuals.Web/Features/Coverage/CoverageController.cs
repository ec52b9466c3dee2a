using Manuals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Coverage;

/// <summary>The coverage dashboard and the what-if, for everyone signed in.</summary>
[Route("coverage")]
public sealed class CoverageController(CoveragePages pages, CurrentUser currentUser) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Dashboard", await pages.DashboardAsync(currentUser.Viewer, cancellationToken));

    /// <summary><c>?employee=1&amp;employee=2</c>: coverage as if those people were gone.</summary>
    [HttpGet("what-if")]
    public async Task<IActionResult> WhatIf([FromQuery(Name = "employee")] long[]? employees, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? this.ViewOr(await pages.WhatIfAsync(currentUser.Viewer, employees ?? [], cancellationToken), "WhatIf")
            : BadRequest();
}
