using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Shared;

/// <summary>Turns a <see cref="Lookup{T}"/> into the view, a 404 or a 403, the same way in every controller.</summary>
public static class LookupResults
{
    public static IActionResult ViewOr<T>(this Controller controller, Lookup<T> lookup, string? viewName = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(lookup);
        return lookup.Status switch
        {
            LookupStatus.Found => controller.View(viewName, lookup.Value),
            LookupStatus.Forbidden => controller.Forbid(),
            _ => controller.NotFound(),
        };
    }
}
