namespace Manuals.Web.Features.Admin;

/// <summary>
/// Every department with its chat webhook, and the form that was refused (kept as typed, with its error) if any.
/// </summary>
/// <param name="FailedDepartmentId">The department whose form was refused; null on a plain visit.</param>
public sealed record WebhooksPage(IReadOnlyList<WebhookRow> Rows, long? FailedDepartmentId, WebhookForm? FailedForm, string? Error)
{
    /// <summary>The kind the department's form shows: as typed when refused, else the saved one, else Teams.</summary>
    public string KindFor(WebhookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Department.Id == FailedDepartmentId && FailedForm?.Kind is { } typed
            ? typed
            : row.Webhook?.Kind ?? Core.Notifications.WebhookKind.Teams;
    }

    /// <summary>The URL the department's form shows: as typed when refused, else empty (a saved URL is never sent back).</summary>
    public string UrlFor(WebhookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Department.Id == FailedDepartmentId ? FailedForm?.Url ?? "" : "";
    }

    public string? ErrorFor(WebhookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Department.Id == FailedDepartmentId ? Error : null;
    }
}
