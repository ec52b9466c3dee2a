namespace Manuals.Core.Notifications;

/// <summary>
/// What a notification is about. Each user sees every kind in the app (the bell) and chooses which come by e-mail;
/// the web layer words each kind from its arguments (<see cref="NotificationMessage.Args"/>).
/// </summary>
public static class NotificationKind
{
    /// <summary>A manual was made required reading for the user. Args: manual title, due date (yyyy-MM-dd).</summary>
    public const string ReadingAssigned = "reading-assigned";

    /// <summary>Required reading not yet confirmed is due tomorrow or overdue. Args: manual title, due date.</summary>
    public const string ReadingDue = "reading-due";

    /// <summary>A manual waits for the user's approval. Args: manual title, the writer's name.</summary>
    public const string ApprovalRequested = "approval-requested";

    /// <summary>The user's request was approved or sent back. Args: manual title, decision (approved / sent-back), comment.</summary>
    public const string ApprovalDecided = "approval-decided";

    /// <summary>The weekly list of the user's manuals due for review or overdue. Args: how many due, how many overdue.</summary>
    public const string ReviewDigest = "review-digest";

    /// <summary>The user is a successor (後任者) on a handover. Args: the person leaving, the leaving date.</summary>
    public const string HandoverSuccessor = "handover-successor";

    /// <summary>Every kind, in the order the settings page lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ReadingAssigned, ReadingDue, ApprovalRequested, ApprovalDecided, ReviewDigest, HandoverSuccessor];
}
