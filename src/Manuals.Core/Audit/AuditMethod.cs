namespace Manuals.Core.Audit;

/// <summary>How someone signed in (<see cref="AuditEntry.Method"/>); stored as is.</summary>
public static class AuditMethod
{
    /// <summary>A local account's user name and password.</summary>
    public const string Local = "local";

    /// <summary>Microsoft Entra ID.</summary>
    public const string Entra = "entra";

    /// <summary>Another OpenID Connect provider.</summary>
    public const string Oidc = "oidc";
}
