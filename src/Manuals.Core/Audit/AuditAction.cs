namespace Manuals.Core.Audit;

/// <summary>
/// The kinds of entry in the audit log (<see cref="AuditEntry.Action"/>). Each value is stored as is, so never rename
/// one; add a new constant, add it to <see cref="All"/> and give it a label (<c>Audit.Action.&lt;value&gt;</c> in both
/// resource files).
/// </summary>
public static class AuditAction
{
    /// <summary>A sign-in attempt; <see cref="AuditEntry.Outcome"/> says whether it worked, <see cref="AuditEntry.Method"/> how.</summary>
    public const string SignIn = "sign-in";

    public const string SignOut = "sign-out";

    /// <summary>A user changed their own password.</summary>
    public const string PasswordChanged = "password-changed";

    public const string UserCreated = "user-created";

    /// <summary>User name, display name or e-mail changed.</summary>
    public const string UserUpdated = "user-updated";

    public const string UserRolesChanged = "user-roles-changed";
    public const string UserDepartmentsChanged = "user-departments-changed";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string UserPasswordReset = "user-password-reset";

    /// <summary>A company group mapped to a department (external sign-in).</summary>
    public const string GroupMappingAdded = "group-mapping-added";

    public const string GroupMappingRemoved = "group-mapping-removed";

    /// <summary>A manual became 公開 (created as published, or saved from 下書き/アーカイブ to 公開).</summary>
    public const string ManualPublished = "manual-published";

    /// <summary>A manual became アーカイブ.</summary>
    public const string ManualArchived = "manual-archived";

    /// <summary>An old revision restored as a new one.</summary>
    public const string ManualRestored = "manual-restored";

    /// <summary>公開範囲 changed (全社公開 ⇄ 部署限定).</summary>
    public const string ManualVisibilityChanged = "manual-visibility-changed";

    /// <summary>担当者 (owner) changed.</summary>
    public const string ManualOwnerChanged = "manual-owner-changed";

    public const string SynonymDeleted = "synonym-deleted";

    /// <summary>A missed search marked 対応済み (its row is deleted).</summary>
    public const string MissedSearchResolved = "missed-search-resolved";

    /// <summary>An import: Markdown manuals from the command line, or a CSV of tasks, employees or the matrix.</summary>
    public const string Import = "import";

    public const string TemplateCreated = "template-created";
    public const string TemplateChanged = "template-changed";
    public const string TemplateRetired = "template-retired";
    public const string TemplateRestored = "template-restored";

    /// <summary>A manual made required reading (必読) for people or departments.</summary>
    public const string ReadingAssigned = "reading-assigned";

    /// <summary>A person or department taken off a manual's required reading.</summary>
    public const string ReadingUnassigned = "reading-unassigned";

    /// <summary>A manual's 理解度チェック written, changed or removed.</summary>
    public const string CheckQuestionsChanged = "check-questions-changed";

    /// <summary>A save that needs approval became a request (承認申請); the detail names the stages.</summary>
    public const string ApprovalRequested = "approval-requested";

    /// <summary>One stage of a request approved (the last one publishes the new revision).</summary>
    public const string ApprovalApproved = "approval-approved";

    /// <summary>A request sent back to its writer with a comment (差し戻し).</summary>
    public const string ApprovalSentBack = "approval-sent-back";

    /// <summary>A request withdrawn by its writer or an Admin (取り下げ).</summary>
    public const string ApprovalWithdrawn = "approval-withdrawn";

    /// <summary>A department's approval route set, changed or turned off.</summary>
    public const string ApprovalSettingsChanged = "approval-settings-changed";

    public const string HandoverStarted = "handover-started";

    /// <summary>A sign-off box signed (by the person, or on their behalf).</summary>
    public const string HandoverSigned = "handover-signed";

    public const string HandoverSignWithdrawn = "handover-sign-withdrawn";
    public const string HandoverCompleted = "handover-completed";
    public const string HandoverReopened = "handover-reopened";

    /// <summary>A department's chat webhook (Teams or Slack) set or replaced; the detail names the service and host, never the URL.</summary>
    public const string WebhookSaved = "webhook-saved";

    public const string WebhookRemoved = "webhook-removed";

    /// <summary>Every action, in the order the admin page's filter lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignOut, PasswordChanged,
        UserCreated, UserUpdated, UserRolesChanged, UserDepartmentsChanged, UserDisabled, UserEnabled, UserPasswordReset,
        GroupMappingAdded, GroupMappingRemoved,
        ManualPublished, ManualArchived, ManualRestored, ManualVisibilityChanged, ManualOwnerChanged,
        SynonymDeleted, MissedSearchResolved,
        Import,
        TemplateCreated, TemplateChanged, TemplateRetired, TemplateRestored, ReadingAssigned, ReadingUnassigned, CheckQuestionsChanged,
        ApprovalRequested, ApprovalApproved, ApprovalSentBack, ApprovalWithdrawn, ApprovalSettingsChanged,
        HandoverStarted, HandoverSigned, HandoverSignWithdrawn, HandoverCompleted, HandoverReopened,
        WebhookSaved, WebhookRemoved,
    ];

    public static bool IsKnown(string? action) => action is not null && All.Contains(action, StringComparer.Ordinal);
}
