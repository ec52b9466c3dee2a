using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Manuals.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// Posts one message to a department's webhook: JSON in UTF-8, a short timeout, no redirects followed, and the URL
/// checked again before every post (<see cref="WebhookAddress"/>). Used by <see cref="WebhookChannel"/> and by the
/// admin page's 「テスト送信」.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory clients, IOptionsMonitor<NotificationSettings> settings, ILogger<WebhookSender> logger)
{
    /// <summary>The named client: no redirects, no cookies (see <c>AddManualsWeb</c>).</summary>
    public const string ClientName = "webhooks";

    // Japanese stays as it is in the JSON (readable in a receiver's log); the content is UTF-8 either way.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<WebhookSendResult> SendAsync(DepartmentWebhook webhook, string line, string? link, string openLabel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var options = settings.CurrentValue;
        if (WebhookAddress.Check(webhook.Url, options.AllowLoopbackWebhooks) is not null)
        {
            return WebhookSendResult.Refused;
        }

        var body = JsonSerializer.Serialize(WebhookPayload.For(webhook.Kind, line, link, openLabel), Json);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.WebhookTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).PostAsync(new Uri(webhook.Url), content, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return WebhookSendResult.Sent;
            }

            LogStatus(logger, webhook.DepartmentId, webhook.Host, (int)response.StatusCode);
            return WebhookSendResult.Status(response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(logger, webhook.DepartmentId, webhook.Host);
            return WebhookSendResult.TimedOut;
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, ex, webhook.DepartmentId, webhook.Host);
            return WebhookSendResult.Unreachable;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of department {DepartmentId} ({Host}) answered {Status}")]
    private static partial void LogStatus(ILogger logger, long departmentId, string host, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of department {DepartmentId} ({Host}) did not answer in time")]
    private static partial void LogTimeout(ILogger logger, long departmentId, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of department {DepartmentId} ({Host}) could not be reached")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, long departmentId, string host);
}
