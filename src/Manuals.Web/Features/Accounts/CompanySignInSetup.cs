using System.IdentityModel.Tokens.Jwt;
using Manuals.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Company sign-in: Microsoft Entra ID through Microsoft.Identity.Web (<c>AzureAd</c> section) and any other OpenID
/// Connect provider (<c>Oidc</c> section), each only when configured. Both use the authorization code flow with PKCE
/// and land in Identity's external cookie; <see cref="CompanySignInController"/> then links or creates the user and
/// starts an ordinary Manuals session, so sign-out, disabling and role changes work as for local accounts.
/// </summary>
public static class CompanySignInSetup
{
    public static void AddCompanySignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = new List<CompanySignInProvider>();

        var entra = configuration.GetSection(EntraSettings.Section).Get<EntraSettings>() ?? new EntraSettings();
        if (entra.IsConfigured)
        {
            if (entra.IsMultiTenant && entra.AllowedTenants.Count == 0)
            {
                throw new InvalidOperationException(
                    $"AzureAd:TenantId is '{entra.TenantId}' (multi-tenant), but AzureAd:AllowedTenants is empty: list the tenant ids whose people may sign in.");
            }

            if (!entra.IsMultiTenant && !Guid.TryParse(entra.TenantId, out _))
            {
                throw new InvalidOperationException(
                    $"AzureAd:TenantId is '{entra.TenantId}': give the tenant's id (a GUID, shown on the tenant's overview page), or 'organizations' with AzureAd:AllowedTenants.");
            }

            var provider = new CompanySignInProvider(CompanySignInProvider.EntraScheme, "Microsoft", entra.Claims, OriginOf(entra.Instance));
            authentication.AddMicrosoftIdentityWebApp(
                configuration.GetSection(EntraSettings.Section), provider.Scheme, cookieScheme: null, displayName: "Microsoft Entra ID");
            // Registered after Identity.Web's own configuration, so these settings win over what it copies in.
            authentication.Services.Configure<OpenIdConnectOptions>(provider.Scheme, options =>
            {
                ApplyCommon(options, provider);
                options.TokenValidationParameters.IssuerValidator = (issuer, token, _) => ValidateEntraIssuer(entra, issuer, token);
            });
            providers.Add(provider);
        }

        var oidc = configuration.GetSection(OidcProviderSettings.Section).Get<OidcProviderSettings>() ?? new OidcProviderSettings();
        if (oidc.IsConfigured)
        {
            var displayName = string.IsNullOrWhiteSpace(oidc.DisplayName) ? "OpenID Connect" : oidc.DisplayName.Trim();
            var provider = new CompanySignInProvider(
                CompanySignInProvider.OidcScheme, displayName, oidc.Claims, OriginOf(string.IsNullOrWhiteSpace(oidc.MetadataAddress) ? oidc.Authority : oidc.MetadataAddress));
            authentication.AddOpenIdConnect(provider.Scheme, displayName, options =>
            {
                options.Authority = oidc.Authority;
                options.MetadataAddress = string.IsNullOrWhiteSpace(oidc.MetadataAddress) ? null : oidc.MetadataAddress;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.CallbackPath = oidc.CallbackPath;
                options.SignedOutCallbackPath = oidc.SignedOutCallbackPath;
                foreach (var scope in oidc.Scopes)
                {
                    options.Scope.Add(scope);
                }

                ApplyCommon(options, provider);
            });
            providers.Add(provider);
        }

        authentication.Services.AddSingleton(
            configuration.GetSection(ExternalSignInOptions.SectionName).Get<ExternalSignInOptions>() ?? new ExternalSignInOptions());
        authentication.Services.AddSingleton(new CompanySignInProviders(providers, configuration.GetValue("Manuals:SignIn:LocalAccounts", true)));
        authentication.Services.AddScoped<CompanySignInFlow>();
    }

    private static void ApplyCommon(OpenIdConnectOptions options, CompanySignInProvider provider)
    {
        // The provider's identity lands in Identity's short-lived external cookie; the callback action turns it into
        // a Manuals session (CompanySignInFlow).
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        // A top-level GET back to the app, so the correlation and nonce cookies can be SameSite=Lax and need not be
        // Secure on a plain-http installation on a company network (behind TLS they are Secure, as the request is).
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // Claim names stay as the token has them (roles, groups, oid, tid …), so the configured names are the token's.
        // (Identity.Web hands in a token handler of its own, which the MapInboundClaims setter does not reach.)
        options.MapInboundClaims = false;
        options.TokenHandler = new JsonWebTokenHandler { MapInboundClaims = false };
        options.ClaimActions.Remove(provider.Claims.Issuer);
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Add("email");
        options.TokenValidationParameters.NameClaimType = provider.Claims.Name;
        options.TokenValidationParameters.RoleClaimType = provider.Claims.Roles;
        // Metadata over plain http only from this machine (a provider for tests or a local Keycloak); anywhere else, https.
        options.RequireHttpsMetadata = !IsLoopback(options.MetadataAddress ?? options.Authority);

        var remoteFailure = options.Events.OnRemoteFailure;
        options.Events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);
            await CompanySignInFlow.RefuseAsync(context.HttpContext, provider, CompanySignInFailure.Classify(context.Failure), context.Failure);
            context.HandleResponse();
        };
        var signOut = options.Events.OnRedirectToIdentityProviderForSignOut;
        options.Events.OnRedirectToIdentityProviderForSignOut = async context =>
        {
            // Without an id_token_hint (the Manuals session has already ended), providers such as Keycloak need the client id.
            context.ProtocolMessage.ClientId = context.Options.ClientId;
            await signOut(context);
        };
    }

    /// <summary>
    /// Entra ID tokens name their tenant twice: in <c>iss</c> and in <c>tid</c>. Both must agree, and the tenant must be
    /// the configured one or, for a multi-tenant app, an allowed one.
    /// </summary>
    private static string ValidateEntraIssuer(EntraSettings entra, string issuer, SecurityToken token)
    {
        var tenant = token switch
        {
            JsonWebToken jwt when jwt.TryGetPayloadValue<string>(entra.Claims.Issuer, out var value) => value,
            JwtSecurityToken jwt when jwt.Payload.TryGetValue(entra.Claims.Issuer, out var value) => value as string,
            _ => null,
        };
        if (string.IsNullOrEmpty(tenant))
        {
            throw new SecurityTokenInvalidIssuerException("The token names no tenant (tid).") { InvalidIssuer = issuer };
        }

        var allowed = entra.IsMultiTenant
            ? entra.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)
            : Guid.TryParse(tenant, out var actual) && actual == Guid.Parse(entra.TenantId);
        if (!allowed)
        {
            throw new CompanyTenantNotAllowedException($"Tenant '{tenant}' may not sign in here.") { InvalidIssuer = issuer };
        }

        if (!string.Equals(issuer, entra.IssuerOf(tenant), StringComparison.Ordinal))
        {
            throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not Entra ID's issuer for tenant '{tenant}'.") { InvalidIssuer = issuer };
        }

        return issuer;
    }

    private static string? OriginOf(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    private static bool IsLoopback(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
