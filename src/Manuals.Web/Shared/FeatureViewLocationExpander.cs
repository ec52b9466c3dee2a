using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Manuals.Web.Shared;

/// <summary>
/// Finds a controller's views in its feature folder, named by its namespace: a controller in
/// <c>Manuals.Web.Features.Admin</c> renders <c>/Features/Admin/Views/{view}.cshtml</c>, whatever the controller is called.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns)
        {
            context.Values[Key] = ns[(ns.LastIndexOf('.') + 1)..];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? viewLocations.Select(l => l.Replace("{feature}", feature, StringComparison.Ordinal))
            : viewLocations.Where(l => !l.Contains("{feature}", StringComparison.Ordinal));
    }
}
