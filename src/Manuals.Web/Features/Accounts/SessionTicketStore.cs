using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Manuals.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Keeps the sign-in cookie's ticket in the database (<see cref="ISessionStore"/>): the cookie carries only a random
/// key, so deleting the record ends the session at once on every node. The database holds the key's SHA-256, not
/// the key itself.
/// </summary>
public sealed class SessionTicketStore(ISessionStore sessions, TimeProvider clock) : ITicketStore
{
    /// <summary>The request's session id (hashed key), stashed when the cookie is read, for <see cref="CurrentSessionId"/>.</summary>
    private static readonly object ItemKey = new();

    /// <summary>The stored id of the session this request came with, or null when it came with none.</summary>
    public static string? CurrentSessionId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var id) ? id as string : null;
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await sessions.CreateAsync(Hash(key), UserId(ticket), TicketSerializer.Default.Serialize(ticket), Expiry(ticket, now), now, cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = clock.GetUtcNow();
        var id = Hash(key);
        if (!await sessions.RenewAsync(id, UserId(ticket), TicketSerializer.Default.Serialize(ticket), Expiry(ticket, now), now, cancellationToken))
        {
            // Ended meanwhile (stays ended) or another user's: either way this key must not be used again.
            await sessions.RemoveAsync(id, cancellationToken);
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var bytes = await sessions.FindAsync(id, clock.GetUtcNow(), cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        if (httpContext is not null)
        {
            httpContext.Items[ItemKey] = id;
        }

        return TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => sessions.RemoveAsync(Hash(key), cancellationToken);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static DateTimeOffset Expiry(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now + AccountRules.SessionLifetime;

    private static long UserId(AuthenticationTicket ticket) =>
        long.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A sign-in ticket without a user id."), NumberStyles.None, CultureInfo.InvariantCulture);
}
