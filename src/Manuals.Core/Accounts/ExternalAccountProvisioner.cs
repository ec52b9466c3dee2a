using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Manuals.Core.Accounts;

/// <summary>
/// Company sign-in after the provider's token is validated: links the identity to a user by the provider's stable
/// subject (never by e-mail or name), creates the user at the first sign-in, and applies the directory's role and
/// departments at every sign-in unless an admin set them by hand.
/// </summary>
public sealed class ExternalAccountProvisioner(
    IExternalAccountStore accounts, IDirectoryGroupMappingStore groups, ExternalSignInOptions options, TimeProvider clock) : IExternalSignIn
{
    private const int DisplayNameMaxLength = 100;
    private const int EmailMaxLength = 254;

    /// <summary>How many generated names are tried after the preferred one; a collision of all of them means a defect.</summary>
    private const int GeneratedNameAttempts = 20;

    public async Task<ExternalSignInResult> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ThrowIfBlank(identity.Provider, nameof(identity.Provider));
        ThrowIfBlank(identity.Issuer, nameof(identity.Issuer));
        ThrowIfBlank(identity.Subject, nameof(identity.Subject));

        var login = identity.Login;
        var access = ResolveAccess(identity, await groups.ListAsync(cancellationToken));
        var existing = await accounts.FindByLoginAsync(login, cancellationToken);
        if (existing is not null)
        {
            return await SignInExistingAsync(existing, identity, access, cancellationToken);
        }

        var displayName = Clean(identity.DisplayName, DisplayNameMaxLength);
        var email = Clean(identity.Email, EmailMaxLength);
        foreach (var userName in UserNameCandidates(identity))
        {
            var account = new NewExternalAccount(
                login, userName, UserNameRules.Normalize(userName), displayName ?? userName, email, access);
            var id = await accounts.CreateAsync(account, clock.GetUtcNow(), cancellationToken);
            if (id is { } created)
            {
                return ExternalSignInResult.Success(created, created: true, accessChanged: false);
            }

            // Either another first sign-in of the same identity won the race (then it is ours now), or the name is taken.
            existing = await accounts.FindByLoginAsync(login, cancellationToken);
            if (existing is not null)
            {
                return await SignInExistingAsync(existing, identity, access, cancellationToken);
            }
        }

        throw new InvalidOperationException($"No free user name for the company account {login.Provider}|{login.Issuer}|{login.Subject}.");
    }

    /// <summary>The highest role any of the token's role values gives, else the default; the departments of every mapped group.</summary>
    public ExternalAccess ResolveAccess(ExternalIdentity identity, IReadOnlyList<DirectoryGroupMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(mappings);
        var values = identity.RoleValues.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var role = Roles.All.Reverse().FirstOrDefault(r => options.RoleValues.For(r).Any(values.Contains))
            ?? Roles.All.FirstOrDefault(r => string.Equals(r, options.DefaultRole, StringComparison.OrdinalIgnoreCase))
            ?? Roles.Reader;

        var groupIds = identity.GroupIds.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var departments = mappings.Where(m => groupIds.Contains(m.GroupId)).Select(m => m.DepartmentId).Distinct().Order().ToList();
        return new ExternalAccess(role, departments);
    }

    private async Task<ExternalSignInResult> SignInExistingAsync(
        ExternalAccount existing, ExternalIdentity identity, ExternalAccess access, CancellationToken cancellationToken)
    {
        if (existing.IsDisabled)
        {
            return ExternalSignInResult.Refused(existing.UserId, ExternalSignInRefusal.Disabled);
        }

        // Groups left out of the token: the role still follows the directory, the departments stay as they were.
        var applied = existing.AccessOverridden ? null
            : identity.GroupsOmitted ? access with { DepartmentIds = existing.DepartmentIds.Order().ToList() }
            : access;
        var changed = applied is not null
            && (!existing.Roles.SequenceEqual([applied.Role], StringComparer.Ordinal)
                || !existing.DepartmentIds.Order().SequenceEqual(applied.DepartmentIds));
        var updated = await accounts.UpdateAtSignInAsync(
            existing.UserId,
            identity.Login,
            Clean(identity.DisplayName, DisplayNameMaxLength),
            Clean(identity.Email, EmailMaxLength),
            applied,
            clock.GetUtcNow(),
            cancellationToken);
        return updated
            ? ExternalSignInResult.Success(existing.UserId, created: false, accessChanged: changed)
            : ExternalSignInResult.Refused(existing.UserId, ExternalSignInRefusal.Disabled);
    }

    /// <summary>
    /// The preferred user name (or the e-mail's local part) when it is a valid user name, then names made from a hash
    /// of the login, which no person chose and so never pass for someone else's local account.
    /// </summary>
    private static IEnumerable<string> UserNameCandidates(ExternalIdentity identity)
    {
        var preferred = identity.PreferredUserName?.Trim();
        var localPart = identity.Email?.Trim() is { } email && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
            ? email[..at]
            : null;
        if (UserNameRules.IsValid(preferred))
        {
            yield return preferred!;
        }
        else if (UserNameRules.IsValid(localPart))
        {
            yield return localPart!;
        }

        var key = $"{identity.Provider}|{identity.Issuer}|{identity.Subject}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
        yield return "ext-" + hash;
        for (var suffix = 2; suffix <= GeneratedNameAttempts; suffix++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"ext-{hash}-{suffix}");
        }
    }

    /// <summary>Trimmed, without control characters, cut to the column's length; null when nothing is left.</summary>
    private static string? Clean(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (cleaned.Length <= maxLength)
        {
            return cleaned;
        }

        // Never cut a surrogate pair in half.
        var length = char.IsHighSurrogate(cleaned[maxLength - 1]) ? maxLength - 1 : maxLength;
        return cleaned[..length].TrimEnd();
    }

    private static void ThrowIfBlank(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The identity's {name} is empty.", name);
        }
    }
}
