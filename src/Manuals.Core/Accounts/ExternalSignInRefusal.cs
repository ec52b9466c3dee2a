namespace Manuals.Core.Accounts;

/// <summary>Why a verified company identity may not sign in.</summary>
public enum ExternalSignInRefusal
{
    /// <summary>The linked user is disabled by an admin; the provider cannot sign them in either.</summary>
    Disabled = 1,
}
