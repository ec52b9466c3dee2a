using Microsoft.IdentityModel.Tokens;

namespace Manuals.Web.Features.Accounts;

/// <summary>An Entra ID token whose tenant is not the configured one nor in <c>AzureAd:AllowedTenants</c>.</summary>
public sealed class CompanyTenantNotAllowedException : SecurityTokenInvalidIssuerException
{
    public CompanyTenantNotAllowedException()
    {
    }

    public CompanyTenantNotAllowedException(string message)
        : base(message)
    {
    }

    public CompanyTenantNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
