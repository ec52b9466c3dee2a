namespace Manuals.Core.Audit;

/// <summary>
/// The names recorded for actors that are not a signed-in user. They are stored data, like a user's display name, so
/// they are fixed here in the product's language rather than taken from the reader's UI language.
/// </summary>
public static class AuditActors
{
    /// <summary>A sign-in with a user name that belongs to no account (the typed text is never recorded).</summary>
    public const string UnknownUser = "不明なユーザー";

    /// <summary>The <c>import</c> command, run on the server with no one signed in.</summary>
    public const string CommandLine = "コマンドライン";
}
