namespace Manuals.Web.Features.Accounts;

/// <summary>The company sign-ins this installation offers, in button order, and whether local accounts are on.</summary>
/// <param name="All">Microsoft Entra ID first, then the other provider; empty when none is configured.</param>
/// <param name="LocalAccounts">
/// False when <c>Manuals:SignIn:LocalAccounts</c> turns local accounts off: then only Admins sign in with a password
/// (break-glass accounts for when the provider is down).
/// </param>
public sealed record CompanySignInProviders(IReadOnlyList<CompanySignInProvider> All, bool LocalAccounts)
{
    public CompanySignInProvider? Find(string? scheme) => All.FirstOrDefault(p => p.Scheme == scheme);

    /// <summary>The Content-Security-Policy's <c>form-action</c> sources: this site, and the providers signing out goes to.</summary>
    public string FormActionSources => string.Join(' ', All.Select(p => p.Origin).OfType<string>().Distinct().Prepend("'self'"));
}
