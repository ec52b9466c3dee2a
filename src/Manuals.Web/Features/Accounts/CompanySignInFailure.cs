using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Why a company sign-in was refused, as a short code: written to the log and the audit log, shown on the failure page
/// for the person to pass on to IT, and chosen from the handler's exception.
/// </summary>
public static class CompanySignInFailure
{
    /// <summary>The state or correlation cookie did not match (tampered, expired, replayed or from another browser).</summary>
    public const string State = "state";

    /// <summary>The provider would not exchange the code (replayed, expired or already used).</summary>
    public const string Code = "code";

    public const string Nonce = "nonce";
    public const string Expired = "token-expired";
    public const string Audience = "audience";
    public const string Issuer = "issuer";

    /// <summary>The token came from a tenant that may not sign in here.</summary>
    public const string Tenant = "tenant";

    public const string Signature = "signature";
    public const string SigningKey = "signing-key";

    /// <summary>The provider said no (the person cancelled, or is not assigned to the app).</summary>
    public const string Denied = "denied";

    /// <summary>The token lacks the subject or tenant that identifies the person.</summary>
    public const string Claims = "claims";

    /// <summary>The account is disabled in Manuals.</summary>
    public const string Disabled = "disabled";

    /// <summary>The provider's discovery document or keys could not be fetched.</summary>
    public const string Unavailable = "unavailable";

    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [State, Code, Nonce, Expired, Audience, Issuer, Tenant, Signature, SigningKey, Denied, Claims, Disabled, Unavailable, Other];

    /// <summary>The reason behind a failed remote sign-in, looking through wrapped exceptions.</summary>
    public static string Classify(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            var reason = e switch
            {
                CompanyTenantNotAllowedException => Tenant,
                OpenIdConnectProtocolInvalidNonceException => Nonce,
                SecurityTokenExpiredException => Expired,
                SecurityTokenInvalidAudienceException => Audience,
                SecurityTokenInvalidIssuerException => Issuer,
                SecurityTokenSignatureKeyNotFoundException => SigningKey,
                SecurityTokenInvalidSignatureException => Signature,
                OpenIdConnectProtocolException p when p.Message.Contains("access_denied", StringComparison.Ordinal) => Denied,
                OpenIdConnectProtocolException p when p.Message.Contains("invalid_grant", StringComparison.Ordinal) => Code,
                HttpRequestException => Unavailable,
                _ when e.Message.Contains("Correlation failed", StringComparison.Ordinal)
                    || e.Message.Contains("message.State", StringComparison.Ordinal) => State,
                _ when e.Message.Contains("IDX20803", StringComparison.Ordinal) => Unavailable,
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return Other;
    }

    /// <summary>A reason code from outside (a query string), or <see cref="Other"/> when it is not one of ours.</summary>
    public static string Known(string? reason) => All.Contains(reason ?? "", StringComparer.Ordinal) ? reason! : Other;
}
