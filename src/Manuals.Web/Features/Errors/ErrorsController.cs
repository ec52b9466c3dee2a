using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Errors;

/// <summary>Japanese (or English) error pages for unhandled exceptions and bare status codes (400, 403, 404…).</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("error")]
    public IActionResult Error()
    {
        // Asked for directly there is no exception to report: the page does not exist for that visitor (404).
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var status = feature?.Error switch
        {
            null => StatusCodes.Status404NotFound,
            BadHttpRequestException bad => bad.StatusCode,
            _ => StatusCodes.Status500InternalServerError,
        };
        Response.StatusCode = status;
        return View("Error", status);
    }

    // The code is read from the route by hand: an action with parameters would have model binding read the
    // original request's form again, and a form that failed to read (too large, malformed) must not fail twice.
    [Route("error/{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(HttpContext.GetRouteValue("code") as string, out var parsed) ? parsed : 0;
        var status = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        return View("Error", status);
    }
}
