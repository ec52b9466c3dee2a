namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>An authorization code waiting to be redeemed, with what the authorize request bound it to.</summary>
internal sealed record IssuedCode(string ClientId, string RedirectUri, string CodeChallenge, string? Nonce, string? Scope, TestIdentity User);
