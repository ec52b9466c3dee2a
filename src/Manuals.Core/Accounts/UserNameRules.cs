namespace Manuals.Core.Accounts;

/// <summary>What a user name may be: ASCII (it appears in URLs, logs and e-mail style ids), at most 64 characters.</summary>
public static class UserNameRules
{
    public const int MaxLength = 64;

    public const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";

    public const string Pattern = "^[A-Za-z0-9._@-]+$";

    public static bool IsValid(string? userName) =>
        !string.IsNullOrEmpty(userName) && userName.Length <= MaxLength && userName.All(c => Characters.Contains(c, StringComparison.Ordinal));

    /// <summary>The form user names are compared in (as ASP.NET Core Identity's default normalizer does).</summary>
    public static string Normalize(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Normalize().ToUpperInvariant();
    }
}
