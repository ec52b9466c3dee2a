using Microsoft.AspNetCore.Authentication.Cookies;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// The sign-in cookie's manager, except that the sign-in page does not read an existing sign-in cookie: a sign-in
/// then always starts a new session with a new key instead of reusing the key the browser came with (which someone
/// else could have planted — session fixation).
/// </summary>
public sealed class SignInPageCookieManager(PathString signInPath) : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.Equals(signInPath, StringComparison.OrdinalIgnoreCase) ? null : _inner.GetRequestCookie(context, key);
    }

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, key, value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _inner.DeleteCookie(context, key, options);
}
