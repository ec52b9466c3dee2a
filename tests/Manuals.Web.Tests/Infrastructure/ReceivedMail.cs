using MimeKit;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>A mail as <see cref="SmtpTestServer"/> received it: the envelope's recipients, the parsed message and its bytes.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message, byte[] Raw)
{
    /// <summary>The header block as sent, before any decoding.</summary>
    public string RawHeaders
    {
        get
        {
            var text = System.Text.Encoding.ASCII.GetString(Raw);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return end < 0 ? text : text[..end];
        }
    }
}
