namespace Manuals.Web.Features.Accounts;

/// <summary>
/// The signed-out page: which provider the session came from (to offer its sign-out), whether that is done, or whether
/// the provider could not be asked.
/// </summary>
public sealed record CompanySignedOutView(CompanySignInProvider? Provider, bool ProviderDone, bool ProviderFailed);
