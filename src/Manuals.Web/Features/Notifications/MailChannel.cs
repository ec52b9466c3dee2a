using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Manuals.Core.Accounts;
using Manuals.Core.Notifications;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// E-mail through the configured SMTP server (<see cref="MailSettings"/>), one plain-text mail in Japanese per user the
/// event reached in the app, except users without an address and users who turned that kind off. Nothing happens while
/// e-mail is off. One connection per event; a refused recipient is logged and the others still get theirs. Runs in
/// <see cref="NotificationDelivery"/>, after the response, so a slow or broken server never reaches a request.
/// </summary>
public sealed partial class MailChannel(
    IServiceScopeFactory scopes, IOptionsMonitor<NotificationSettings> settings, ILogger<MailChannel> logger) : INotificationChannel
{
    /// <summary>The page where each user chooses what comes by mail; linked from every mail.</summary>
    public const string SettingsPath = "/account/notifications";

    public async Task DeliverAsync(IReadOnlyList<long> userIds, NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(message);
        var options = settings.CurrentValue;
        if (!options.Mail.Enabled || userIds.Count == 0)
        {
            return;
        }

        var mails = await ComposeAsync(options, userIds, message, cancellationToken);
        if (mails.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient { Timeout = (int)options.Mail.Timeout.TotalMilliseconds };
        // Host and FromAddress are set whenever mail is on (NotificationSettingsValidation at start-up).
        await client.ConnectAsync(options.Mail.Host!, options.Mail.Port, SocketOptions(options.Mail.Security), cancellationToken);
        if (!string.IsNullOrEmpty(options.Mail.UserName))
        {
            await client.AuthenticateAsync(options.Mail.UserName, options.Mail.Password ?? "", cancellationToken);
        }

        foreach (var mail in mails)
        {
            try
            {
                await client.SendAsync(mail, cancellationToken);
            }
            catch (SmtpCommandException ex)
            {
                // The server refused this one (an unknown mailbox): the others still go out.
                LogRefused(logger, ex, message.Kind, (int)ex.StatusCode);
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task<List<MimeMessage>> ComposeAsync(
        NotificationSettings options, IReadOnlyList<long> userIds, NotificationMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IAccountDirectory>();
        var store = scope.ServiceProvider.GetRequiredService<INotificationStore>();
        var text = scope.ServiceProvider.GetRequiredService<NotificationText>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var mails = new List<MimeMessage>();
        foreach (var userId in userIds.Distinct())
        {
            var user = await directory.FindAsync(userId, cancellationToken);
            if (user is null || user.IsDisabled || string.IsNullOrWhiteSpace(user.Email)
                || !MailboxAddress.TryParse(user.Email, out var to)
                || (await store.MailOptOutsAsync(userId, cancellationToken)).Contains(message.Kind))
            {
                continue;
            }

            using (JapaneseCulture.Use())
            {
                mails.Add(Compose(options, new MailboxAddress(user.DisplayName, to.Address), user.DisplayName, text.Line(message.Kind, message.Args), message.Url, l));
            }
        }

        return mails;
    }

    private static MimeMessage Compose(
        NotificationSettings options, MailboxAddress to, string displayName, string line, string url, IStringLocalizer<SharedResource> l)
    {
        var body = new StringBuilder()
            .AppendLine(l["Notifications.Mail.Greeting", displayName].Value)
            .AppendLine()
            .AppendLine(line)
            .AppendLine()
            .AppendLine(l["Notifications.Mail.Open"].Value)
            .AppendLine(options.AbsoluteUrl(url))
            .AppendLine()
            .AppendLine("--")
            .AppendLine(l["Notifications.Mail.Footer", options.Mail.FromName].Value)
            .AppendLine(l["Notifications.Mail.Settings"].Value)
            .AppendLine(options.AbsoluteUrl(SettingsPath))
            .ToString();
        var part = new TextPart(MimeKit.Text.TextFormat.Plain);
        // UTF-8 with the charset named; MimeKit picks the transfer encoding and writes the Japanese headers as RFC 2047.
        part.SetText(Encoding.UTF8, body);
        var mail = new MimeMessage { Subject = $"[{options.Mail.FromName}] {line}", Body = part };
        mail.From.Add(new MailboxAddress(options.Mail.FromName, options.Mail.FromAddress!));
        mail.To.Add(to);
        return mail;
    }

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server refused a {Kind} notification mail ({Status})")]
    private static partial void LogRefused(ILogger logger, Exception exception, string kind, int status);
}
