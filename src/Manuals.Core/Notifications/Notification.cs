namespace Manuals.Core.Notifications;

/// <summary>A notification in a user's list (the bell): what it is about, where it leads, when, and whether it was read.</summary>
public sealed record Notification(
    long Id, string Kind, IReadOnlyList<string> Args, string Url, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}
