namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Sends a user who still has a password an admin set to the change-password page, from every page but that one,
/// sign-out, the health checks, the metrics and the error pages, until they have chosen their own. Static files are served before
/// this runs.
/// </summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    private static readonly PathString[] Allowed = ["/account/password", "/account/sign-out", "/account/sign-in", "/healthz", "/readyz", "/metrics", "/error", "/language"];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.HasClaim(c => c.Type == ManualsClaimTypes.MustChangePassword)
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect("/account/password");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
