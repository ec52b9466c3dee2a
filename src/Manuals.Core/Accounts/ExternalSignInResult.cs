namespace Manuals.Core.Accounts;

/// <summary>The outcome of <see cref="IExternalSignIn.SignInAsync"/>: signed in (<see cref="Succeeded"/>) or refused.</summary>
/// <param name="UserId">The linked user (also when refused).</param>
/// <param name="Created">The user was created by this sign-in.</param>
/// <param name="AccessChanged">
/// The user's role or departments differ from before this sign-in: their other sessions carry the old rights and
/// should end.
/// </param>
/// <param name="Refusal">Null when signed in; otherwise why not.</param>
public sealed record ExternalSignInResult(long UserId, bool Created, bool AccessChanged, ExternalSignInRefusal? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static ExternalSignInResult Success(long userId, bool created, bool accessChanged) => new(userId, created, accessChanged, null);

    public static ExternalSignInResult Refused(long userId, ExternalSignInRefusal refusal) => new(userId, false, false, refusal);
}
