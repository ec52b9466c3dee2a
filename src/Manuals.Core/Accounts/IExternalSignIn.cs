namespace Manuals.Core.Accounts;

/// <summary>Turns a verified company identity into a user of this application (implemented by <see cref="ExternalAccountProvisioner"/>).</summary>
public interface IExternalSignIn
{
    /// <summary>
    /// Finds the user linked to the identity's provider, issuer and subject, or creates one at the first sign-in; refreshes
    /// the display name and e-mail from the token, and the role and departments from its <c>roles</c> and <c>groups</c>
    /// unless an admin set them by hand. A disabled user is refused and nothing is changed.
    /// </summary>
    /// <exception cref="ArgumentException">Provider, issuer or subject is empty.</exception>
    Task<ExternalSignInResult> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken);
}
