namespace Manuals.Web.Tests.Shared;

/// <summary>What an endpoint answered, in the words of the rules rather than status codes.</summary>
public enum AccessOutcome
{
    /// <summary>2xx: the page, the JSON or the file.</summary>
    Ok,

    /// <summary>A redirect anywhere but to sign-in: a POST that was done (or a start page that points on).</summary>
    Redirect,

    /// <summary>302 to <c>/account/sign-in?ReturnUrl=…</c>: the request needs a signed-in user.</summary>
    SignIn,

    /// <summary>400: access was granted and the (empty or minimal) input refused.</summary>
    BadRequest,

    /// <summary>403.</summary>
    Forbidden,

    /// <summary>404; for images the rule on purpose (an image one may not see is as unknown as a hash nobody uploaded).</summary>
    NotFound,

    /// <summary>409: access was granted and the request met a newer version.</summary>
    Conflict,

    /// <summary>503: access was granted and a tool the page needs (Chromium for PDFs) is not there.</summary>
    Unavailable,

    /// <summary>500: only the exception handler's own page, when it is asked for directly.</summary>
    ServerError,
}
