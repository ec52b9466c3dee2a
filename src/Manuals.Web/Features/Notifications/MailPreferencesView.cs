namespace Manuals.Web.Features.Notifications;

/// <summary>The user's e-mail choices, whether this server sends e-mail at all, and the address mail would go to.</summary>
/// <param name="Email">The user's address; null when they have none (then nothing is sent to them).</param>
public sealed record MailPreferencesView(IReadOnlyList<MailKindChoice> Kinds, bool MailEnabled, string? Email);
