namespace Manuals.Web.Features.Notifications;

/// <summary>One kind of notification on the settings page: its name and whether it comes by e-mail.</summary>
public sealed record MailKindChoice(string Kind, string Name, bool ByMail);
