using Manuals.Core.Accounts;

namespace Manuals.Web.Features.Accounts;

/// <summary>Rules for user names and passwords, shared by Identity's options and the forms.</summary>
public static class AccountRules
{
    /// <summary>Length over composition rules: a long passphrase beats a short one with symbols.</summary>
    public const int MinimumPasswordLength = 10;

    public const int MaximumPasswordLength = 128;
    public const int UserNameMaxLength = UserNameRules.MaxLength;
    public const int DisplayNameMaxLength = 100;

    /// <summary>ASCII user names (they appear in URLs, logs and e-mail style ids).</summary>
    public const string UserNameCharacters = UserNameRules.Characters;

    /// <summary>A session ends this long after its last renewal (sliding: renewed when half of it has passed).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(10);

    public const string UserNamePattern = UserNameRules.Pattern;

    // No 0/O, 1/l/I: generated passwords are read off a screen and typed by hand.
    private const string GeneratedPasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random 16-character password for the first admin and for resets.</summary>
    public static string GeneratePassword() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString(GeneratedPasswordAlphabet, 16);
}
