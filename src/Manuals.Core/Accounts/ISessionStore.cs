namespace Manuals.Core.Accounts;

/// <summary>
/// Server-side sign-in sessions. The browser's cookie carries only a random key; the signed-in state (an opaque
/// serialized ticket) lives here, so deleting a record ends that session at once on every web node.
/// </summary>
/// <remarks><paramref name="id"/> parameters are the stored form of the cookie's key (a hash), never the key itself.</remarks>
public interface ISessionStore
{
    /// <summary>
    /// Records a new session, and deletes a bounded number of expired ones so the table does not grow without
    /// a separate clean-up job.
    /// </summary>
    Task CreateAsync(string id, long userId, byte[] ticket, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The session's ticket, or null when it does not exist (ended) or has expired.</summary>
    Task<byte[]?> FindAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an existing session's ticket and expiry. Never creates one: false when the session was ended
    /// meanwhile or belongs to another user, so an ended session cannot come back.
    /// </summary>
    Task<bool> RenewAsync(string id, long userId, byte[] ticket, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends one session (sign-out).</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ends every session of a user, except <paramref name="exceptId"/> when given; returns how many ended.</summary>
    Task<int> RemoveForUserAsync(long userId, string? exceptId, CancellationToken cancellationToken);

    /// <summary>How many live (unexpired) sessions the user has.</summary>
    Task<int> CountForUserAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken);
}
