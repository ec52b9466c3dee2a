namespace Manuals.Web.Shared;

/// <summary>A PDF could not be made on this server (no Chromium, or it failed); the page says so in Japanese with a way out.</summary>
public sealed class PdfUnavailableException : Exception
{
    public PdfUnavailableException()
    {
    }

    public PdfUnavailableException(string message)
        : base(message)
    {
    }

    public PdfUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
