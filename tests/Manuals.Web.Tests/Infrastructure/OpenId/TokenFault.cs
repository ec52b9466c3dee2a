namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>A defect the provider builds into an id_token, so tests can prove the app refuses it.</summary>
public enum TokenFault
{
    /// <summary>A valid token.</summary>
    None,

    /// <summary>The nonce claim differs from the one the app sent to the authorize endpoint.</summary>
    WrongNonce,

    /// <summary>Issued two hours ago and expired one hour ago, well beyond any clock skew.</summary>
    Expired,

    /// <summary>The aud claim names another client.</summary>
    WrongAudience,

    /// <summary>The iss claim names another issuer than the discovery document.</summary>
    WrongIssuer,

    /// <summary>The tid claim names another tenant (see <see cref="TestOpenIdProvider.OtherTenantId"/>).</summary>
    WrongTenant,

    /// <summary>Signed with the published key, then the signature bytes are altered.</summary>
    BadSignature,

    /// <summary>Signed with a key whose kid is not in the JWKS.</summary>
    UnknownSigningKey,
}
