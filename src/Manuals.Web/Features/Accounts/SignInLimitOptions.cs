namespace Manuals.Web.Features.Accounts;

/// <summary>The <c>Manuals:SignIn</c> section: how many sign-in attempts one client address may make per window.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Manuals:SignIn";

    /// <summary>Attempts (POSTs to the sign-in page, right or wrong) per address per window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}
