using Manuals.Core.Audit;
using Manuals.Core.Departments;
using Manuals.Core.Notifications;
using Manuals.Web.Features.Audit;
using Manuals.Web.Features.Notifications;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Admin;

/// <summary>
/// The admin's department webhooks: the page, saving (checked and audited), 「テスト送信」 and removal (audited). The
/// audit log names the service and host only: the rest of the URL is the channel's secret.
/// </summary>
public sealed class WebhookAdministration(
    IDepartmentWebhookStore store,
    IDepartmentStore departments,
    WebhookSender sender,
    IOptionsMonitor<NotificationSettings> settings,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l)
{
    public async Task<WebhooksPage> PageAsync(long? failedDepartmentId, WebhookForm? failedForm, string? error, CancellationToken cancellationToken)
    {
        var webhooks = (await store.ListAsync(cancellationToken)).ToDictionary(w => w.DepartmentId);
        var rows = (await departments.ListAsync(cancellationToken))
            .Select(d => new WebhookRow(d, webhooks.GetValueOrDefault(d.Id)))
            .ToList();
        return new WebhooksPage(rows, failedDepartmentId, failedForm, error);
    }

    public async Task<Department?> FindDepartmentAsync(long departmentId, CancellationToken cancellationToken) =>
        (await departments.ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == departmentId);

    /// <summary>Why <paramref name="form"/> cannot be saved, in the user's language; null when it can.</summary>
    public string? Check(WebhookForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!WebhookKind.IsKnown(form.Kind))
        {
            return l["Admin.Webhooks.Errors.Kind"].Value;
        }

        return WebhookAddress.Check(form.Url?.Trim(), settings.CurrentValue.AllowLoopbackWebhooks) switch
        {
            null => null,
            WebhookAddressError.Missing => l["Admin.Webhooks.Errors.Missing"].Value,
            WebhookAddressError.TooLong => l["Admin.Webhooks.Errors.TooLong", WebhookAddress.MaxLength].Value,
            WebhookAddressError.NotAUrl => l["Admin.Webhooks.Errors.NotAUrl"].Value,
            _ => l["Admin.Webhooks.Errors.NotHttps"].Value,
        };
    }

    /// <summary>Saves a form that passed <see cref="Check"/>, and records it.</summary>
    public async Task SaveAsync(Department department, WebhookForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(form);
        var webhook = new DepartmentWebhook(department.Id, form.Kind!, form.Url!.Trim());
        await store.SetAsync(webhook, cancellationToken);
        await audit.RecordAsync(
            AuditAction.WebhookSaved, AuditTarget.Of(AuditTargetType.Department, department.Id, department.Name), Describe(webhook));
    }

    /// <summary>Removes the department's webhook and records it; false when it had none.</summary>
    public async Task<bool> RemoveAsync(Department department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        var webhook = await store.FindAsync(department.Id, cancellationToken);
        if (webhook is null || !await store.RemoveAsync(department.Id, cancellationToken))
        {
            return false;
        }

        await audit.RecordAsync(
            AuditAction.WebhookRemoved, AuditTarget.Of(AuditTargetType.Department, department.Id, department.Name), Describe(webhook));
        return true;
    }

    /// <summary>
    /// Posts a test message (in Japanese, like every chat message) to the department's webhook; null when it has none,
    /// else what happened, worded for the admin.
    /// </summary>
    public async Task<(bool Sent, string Message)?> TestAsync(Department department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        var webhook = await store.FindAsync(department.Id, cancellationToken);
        if (webhook is null)
        {
            return null;
        }

        string line;
        string openLabel;
        using (JapaneseCulture.Use())
        {
            line = l["Admin.Webhooks.TestMessage", department.Name].Value;
            openLabel = l["Notifications.Webhook.Open"].Value;
        }

        var result = await sender.SendAsync(webhook, line, settings.CurrentValue.AbsoluteUrl("/"), openLabel, cancellationToken);
        var message = result.Outcome switch
        {
            WebhookOutcome.Sent => l["Admin.Webhooks.Test.Sent", department.Name],
            WebhookOutcome.Status => l["Admin.Webhooks.Test.Status", (int)result.StatusCode!],
            WebhookOutcome.TimedOut => l["Admin.Webhooks.Test.TimedOut"],
            WebhookOutcome.Refused => l["Admin.Webhooks.Test.Refused"],
            _ => l["Admin.Webhooks.Test.Unreachable"],
        };
        return (result.IsSent, message.Value);
    }

    private string Describe(DepartmentWebhook webhook) =>
        l["Audit.Detail.Webhook", l[$"Admin.Webhooks.Kind.{webhook.Kind}"].Value, webhook.Host].Value;
}
