using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Manuals.Web.Shared;

/// <summary>Renders a view to a string, for documents that leave the browser (the PDF), with the same views the pages use.</summary>
public static class ViewRendering
{
    public static async Task<string> RenderViewToStringAsync(this Controller controller, string viewName, object model)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var result = engine.FindView(controller.ControllerContext, viewName, isMainPage: true);
        if (result.View is not { } view)
        {
            throw new InvalidOperationException($"View {viewName} was not found: {string.Join(", ", result.SearchedLocations)}");
        }

        controller.ViewData.Model = model;
        await using var writer = new StringWriter();
        var context = new ViewContext(controller.ControllerContext, view, controller.ViewData, controller.TempData, writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
