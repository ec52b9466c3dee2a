namespace Manuals.Web.Features.Accounts;

/// <summary>What the refusal page shows: the reason code, the provider (when known) and the request reference for the log.</summary>
public sealed record CompanySignInFailedView(string Reason, CompanySignInProvider? Provider, string? Reference);
