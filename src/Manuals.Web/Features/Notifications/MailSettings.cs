namespace Manuals.Web.Features.Notifications;

/// <summary>
/// <c>Notifications:Mail</c>: the SMTP server notifications are sent through. Off unless <see cref="Enabled"/>; the user
/// name and password belong in environment variables or a secret store (<c>Notifications__Mail__Password</c>), never in
/// a committed appsettings file.
/// </summary>
public sealed class MailSettings
{
    /// <summary>Off by default: nothing is sent and no connection is made.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) by default; 465 goes with <see cref="MailSecurity.SslOnConnect"/>.</summary>
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Sign in to the server with these when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>manuals@example.co.jp</c>.</summary>
    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "業務マニュアル";

    /// <summary>How long one step with the server (connect, send) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
