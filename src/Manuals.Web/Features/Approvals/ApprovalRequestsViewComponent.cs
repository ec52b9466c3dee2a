using Manuals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Approvals;

/// <summary>
/// On the home page, for Editors and Admins: how many requests wait for their approval, and how many of their own wait or
/// were sent back, with a link to 承認 (the page is not in the crowded header). Renders nothing when there are none.
/// </summary>
public sealed class ApprovalRequestsViewComponent(ApprovalPages pages, CurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!currentUser.Viewer.IsWriter)
        {
            return Content("");
        }

        var counts = await pages.CountsAsync(currentUser.Viewer, HttpContext.RequestAborted);
        return counts is { Waiting: 0, MinePending: 0, SentBack: 0 }
            ? Content("")
            : View("/Features/Approvals/Views/_HomePanel.cshtml", counts);
    }
}
