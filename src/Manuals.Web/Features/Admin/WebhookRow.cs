using Manuals.Core.Departments;
using Manuals.Core.Notifications;

namespace Manuals.Web.Features.Admin;

/// <summary>One department on the webhooks page: its webhook (shown masked) or none.</summary>
public sealed record WebhookRow(Department Department, DepartmentWebhook? Webhook);
