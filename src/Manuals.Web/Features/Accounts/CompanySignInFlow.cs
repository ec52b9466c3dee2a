using System.Security.Claims;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// The app's side of a company sign-in once the provider has answered: the identity the handler validated (in
/// Identity's external cookie) is linked to a user or creates one (<see cref="IExternalSignIn"/>), and an ordinary
/// Manuals session starts. Every refusal ends on the same Japanese page with a reason code for IT.
/// </summary>
public sealed class CompanySignInFlow(
    IExternalSignIn accounts,
    SignInManager<User> signInManager,
    UserSessions sessions,
    CompanySignInProviders providers,
    AuditTrail audit)
{
    /// <summary>Where the handler sends the browser after a sign-in at the provider; <see cref="ProviderItem"/> names the provider.</summary>
    public const string CallbackPath = "/account/external/callback";

    public const string ProviderItem = "manuals.provider";

    /// <summary>Completes the sign-in: null when the user is signed in, otherwise the refusal's reason code.</summary>
    public async Task<string?> CompleteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        var provider = providers.Find(external.Properties?.Items.TryGetValue(ProviderItem, out var scheme) == true ? scheme : null);
        if (!external.Succeeded || provider is null)
        {
            // Nothing (or nothing ours) came back from a provider: a bookmarked or replayed callback.
            return await RefuseAsync(context, provider, CompanySignInFailure.State, failure: null);
        }

        var identity = Read(external.Principal, provider);
        if (identity is null)
        {
            return await RefuseAsync(context, provider, CompanySignInFailure.Claims, failure: null);
        }

        var result = await accounts.SignInAsync(identity, cancellationToken);
        var user = await signInManager.UserManager.FindByIdAsync(result.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!result.Succeeded || user is null || user.IsDisabled)
        {
            return await RefuseAsync(context, provider, CompanySignInFailure.Disabled, failure: null, user);
        }

        if (result.AccessChanged)
        {
            // Roles or departments changed in the directory: sessions signed in with the old ones end, as when an admin changes them.
            await sessions.EndAllAsync(user.Id, cancellationToken);
        }

        await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: provider.Scheme);
        await audit.RecordSignInAsync(user.Id, user.DisplayName, user.UserName, AuditOutcome.Success, AuditMethodOf(provider));
        return null;
    }

    /// <summary>
    /// Records a refused company sign-in in the application log and the audit log, and sends the browser to the failure
    /// page; nobody is signed in. Also called by the handler's remote-failure event (state, code, token and tenant problems).
    /// </summary>
    /// <param name="user">The account the provider's identity belongs to, when known (a disabled user).</param>
    public static async Task<string> RefuseAsync(HttpContext context, CompanySignInProvider? provider, string reason, Exception? failure, User? user = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CompanySignInFlow));
        CompanySignInLog.Refused(logger, provider?.Scheme ?? "?", reason, context.TraceIdentifier, failure);
        var detail = services.GetRequiredService<IStringLocalizer<SharedResource>>()["Audit.Detail.SignInRefused", reason, context.TraceIdentifier].Value;
        await services.GetRequiredService<AuditTrail>().RecordSignInAsync(
            user?.Id, user?.DisplayName, user?.UserName, AuditOutcome.Failure, provider is null ? AuditMethod.Oidc : AuditMethodOf(provider), detail);
        context.Response.Redirect(
            $"/account/sign-in-failed?reason={Uri.EscapeDataString(reason)}&provider={Uri.EscapeDataString(provider?.Scheme ?? "")}&ref={Uri.EscapeDataString(context.TraceIdentifier)}");
        return reason;
    }

    private static string AuditMethodOf(CompanySignInProvider provider) => provider.IsEntra ? AuditMethod.Entra : AuditMethod.Oidc;

    /// <summary>
    /// Whether the provider left the groups out because there are too many: Entra ID then sends <c>hasgroups</c> or
    /// names the groups claim in <c>_claim_names</c> (to be fetched from Microsoft Graph, which this app does not call).
    /// </summary>
    private static bool GroupsOmitted(ClaimsPrincipal principal, string groupsClaim) =>
        principal.HasClaim(c => c.Type == "hasgroups" && string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase))
        || principal.FindFirst("_claim_names")?.Value.Contains($"\"{groupsClaim}\"", StringComparison.Ordinal) == true;

    /// <summary>The person as the provider vouched for them, or null when the token lacks their subject or issuer.</summary>
    public static ExternalIdentity? Read(ClaimsPrincipal? principal, CompanySignInProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (principal is null)
        {
            return null;
        }

        var claims = provider.Claims;
        var subject = principal.FindFirst(claims.Subject);
        var issuer = Value(claims.Issuer) ?? (claims.Issuer == "iss" ? subject?.Issuer : null);
        if (string.IsNullOrWhiteSpace(subject?.Value) || string.IsNullOrWhiteSpace(issuer))
        {
            return null;
        }

        return new ExternalIdentity(
            provider.Scheme,
            issuer,
            subject.Value.Trim(),
            Value(claims.Name),
            Value(claims.Email),
            Value(claims.UserName),
            Values(claims.Roles),
            Values(claims.Groups),
            GroupsOmitted(principal, claims.Groups));

        string? Value(string type) => principal.FindFirst(type)?.Value is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        List<string> Values(string type) =>
            principal.FindAll(type).Select(c => c.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }
}
