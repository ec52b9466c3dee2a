namespace Manuals.Core.Accounts;

/// <summary>The provider's stable key of a company account: provider, issuer (tenant) and subject.</summary>
public sealed record ExternalLogin(string Provider, string Issuer, string Subject);
