using System.Globalization;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Handovers;

/// <summary>
/// The printed handover checklist: an A4 print page with a Print button, and the same page as a PDF printed on the
/// server by Chromium. Same rights as the checklist.
/// </summary>
[Route("handovers/{id:long}")]
[Authorize(Policy = Policies.Writer)]
public sealed class HandoverPrintController(HandoverPages pages, HandoverSheetBuilder sheets, ChromiumPdf pdf, CurrentUser currentUser) : Controller
{
    [HttpGet("print")]
    public async Task<IActionResult> Print(long id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        return page.Value is { } found ? View("Print", found) : this.ViewOr(page);
    }

    [HttpGet("pdf")]
    public async Task<IActionResult> Pdf(long id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        if (page.Value is not { } found)
        {
            return this.ViewOr(page);
        }

        try
        {
            var html = await this.RenderViewToStringAsync("PrintDocument", found);
            var bytes = await pdf.PrintAsync(html, cancellationToken);
            var handover = found.Detail.Handover;
            var name = $"引継ぎチェックリスト_{handover.EmployeeName.Replace(' ', '_')}_{handover.EffectiveDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.pdf";
            return File(bytes, "application/pdf", name);
        }
        catch (PdfUnavailableException)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfUnavailable", found);
        }
    }

    private async Task<Lookup<HandoverPrintPage>> PageAsync(long id, CancellationToken cancellationToken)
    {
        var detail = await pages.DetailAsync(currentUser.Viewer, id, null, cancellationToken);
        return detail.Value is { } found
            ? Lookups.Found(new HandoverPrintPage(found, sheets.Build(found)))
            : new Lookup<HandoverPrintPage>(null, detail.Status);
    }
}
