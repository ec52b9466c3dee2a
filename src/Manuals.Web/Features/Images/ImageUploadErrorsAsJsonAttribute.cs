using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Images;

/// <summary>
/// Answers a failed antiforgery check on the upload endpoint with the same <c>{"error"}</c> JSON as every other refusal,
/// so the editor's script can show it, instead of the HTML error page. Runs even though the check short-circuits the
/// action (an always-run result filter).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ImageUploadErrorsAsJsonAttribute : Attribute, IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Result = ImageJson.Error(StatusCodes.Status400BadRequest, l["Images.Error.Antiforgery"]);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
