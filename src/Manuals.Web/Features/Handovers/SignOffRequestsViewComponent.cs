using Manuals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Handovers;

/// <summary>
/// On the home page: the open handovers that wait for the signed-in user's own sign-off as 前任者 or 後任者, so that a
/// person on a handover (a Reader, too) finds the page where they sign. Renders nothing when there are none.
/// </summary>
public sealed class SignOffRequestsViewComponent(HandoverPages pages, CurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var awaiting = await pages.AwaitingSignOffAsync(currentUser.Viewer, HttpContext.RequestAborted);
        return awaiting.Count == 0
            ? Content("")
            : View("/Features/Handovers/Views/_SignOffRequests.cshtml", awaiting);
    }
}
