using Manuals.Core.Accounts;

namespace Manuals.Web.Features.Accounts;

/// <summary>Ends a user's sign-in sessions when their rights or password change, so the change applies at once.</summary>
public sealed class UserSessions(ISessionStore sessions, IHttpContextAccessor accessor)
{
    /// <summary>Ends every session of the user (disabled, password reset by an admin, role or departments changed).</summary>
    public Task<int> EndAllAsync(long userId, CancellationToken cancellationToken) =>
        sessions.RemoveForUserAsync(userId, null, cancellationToken);

    /// <summary>Ends the user's sessions except the one this request came with (the user changed their own password).</summary>
    public Task<int> EndOthersAsync(long userId, CancellationToken cancellationToken)
    {
        var current = accessor.HttpContext is { } context ? SessionTicketStore.CurrentSessionId(context) : null;
        return sessions.RemoveForUserAsync(userId, current, cancellationToken);
    }
}
