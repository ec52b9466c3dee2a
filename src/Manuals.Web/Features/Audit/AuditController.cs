using Manuals.Core.Audit;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Manuals.Web.Features.Audit;

/// <summary>For Admins: the audit log, filtered by person, action and days, newest first, and its CSV export.</summary>
[Route("admin/audit")]
[Authorize(Policy = Policies.Admin)]
public sealed class AuditController(AuditPages pages, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Check(query);
        if (!ModelState.IsValid)
        {
            // The form as typed and the reason above it; no entries for filters that could not be read.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("Index", await pages.ListAsync(query, ModelState.IsValid, cancellationToken));
    }

    /// <summary>Every entry the filters select, newest first, as CSV for Excel.</summary>
    [HttpGet("/admin/audit.csv")]
    public async Task<IActionResult> Export([FromQuery] AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Check(query);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = pages.ExportFileName(),
        }.ToString();
        await pages.WriteCsvAsync(query, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private void Check(AuditQuery query)
    {
        if (!string.IsNullOrEmpty(query.Action) && !AuditAction.IsKnown(query.Action))
        {
            ModelState.AddModelError(nameof(query.Action), l["Validation.UnknownValueInvalid"]);
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            ModelState.AddModelError(nameof(query.To), l["Audit.Validation.FromAfterTo"]);
        }
    }
}
