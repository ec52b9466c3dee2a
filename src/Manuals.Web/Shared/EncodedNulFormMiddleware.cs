namespace Manuals.Web.Shared;

/// <summary>
/// Lets a url-encoded form holding an encoded NUL (<c>%00</c>) be read at all. ASP.NET Core's form reader decodes
/// values with the decoder it uses for request paths, which throws on NUL; <c>ReadFormAsync</c> then fails with
/// InvalidDataException ("The form value contains invalid characters"), the antiforgery check reports that it cannot
/// read the token, and the writer gets the generic 400 page instead of their form. Dropping the escapes here, before
/// anything reads the body, lets every form be read; the remaining control characters are removed from each bound
/// value by <see cref="InputModelBinders"/>. Multipart bodies are not url-encoded and are left alone (a raw NUL in them
/// reads fine, and a typed 「%00」 is text).
/// </summary>
public sealed class EncodedNulFormMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            request.Body = new EncodedNulFilterStream(request.Body);
            // The body may now be shorter than the header said.
            request.ContentLength = null;
        }

        return next(context);
    }
}
