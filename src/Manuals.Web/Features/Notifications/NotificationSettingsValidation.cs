using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// Checks the <c>Notifications</c> section at start-up when e-mail is on, so a missing server or sender stops the app
/// with a message naming the setting instead of failing quietly at the first notification.
/// </summary>
public sealed class NotificationSettingsValidation : IValidateOptions<NotificationSettings>
{
    public ValidateOptionsResult Validate(string? name, NotificationSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BaseUrl)
            && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) && (baseUri.Scheme == Uri.UriSchemeHttps || baseUri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("Notifications:BaseUrl must be an absolute http(s) address, e.g. https://manuals.example.co.jp.");
        }

        var mail = options.Mail;
        if (mail.Enabled)
        {
            if (string.IsNullOrWhiteSpace(mail.Host))
            {
                errors.Add("Notifications:Mail:Enabled is true but Notifications:Mail:Host is empty. Set Notifications__Mail__Host to the SMTP server.");
            }

            if (mail.Port is < 1 or > 65535)
            {
                errors.Add("Notifications:Mail:Port must be between 1 and 65535.");
            }

            if (string.IsNullOrWhiteSpace(mail.FromAddress) || !MailAddress.TryCreate(mail.FromAddress, out _))
            {
                errors.Add("Notifications:Mail:Enabled is true but Notifications:Mail:FromAddress is empty or not an e-mail address. Set Notifications__Mail__FromAddress, e.g. manuals@example.co.jp.");
            }

            if (string.IsNullOrWhiteSpace(options.BaseUrl))
            {
                errors.Add("Notifications:Mail:Enabled is true but Notifications:BaseUrl is empty: mails link to the app. Set Notifications__BaseUrl, e.g. https://manuals.example.co.jp.");
            }

            if (!string.IsNullOrEmpty(mail.UserName) && string.IsNullOrEmpty(mail.Password))
            {
                errors.Add("Notifications:Mail:UserName is set but Notifications:Mail:Password is empty. Set Notifications__Mail__Password in the environment.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
