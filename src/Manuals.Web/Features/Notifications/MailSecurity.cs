namespace Manuals.Web.Features.Notifications;

/// <summary>How the connection to the SMTP server is protected (<c>Notifications:Mail:Security</c>).</summary>
public enum MailSecurity
{
    /// <summary>Plain text; only for a relay on the same machine or network.</summary>
    None,

    /// <summary>Connect in plain text, then STARTTLS, which must succeed (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
