namespace Manuals.Core.Approvals;

/// <summary>The bounds of an approval route and of a send-back comment.</summary>
public static class ApprovalLimits
{
    public const int MaxStages = 3;

    /// <summary>Named approvers in one stage.</summary>
    public const int MaxUsersPerStage = 10;

    /// <summary>A 差し戻し comment, in characters.</summary>
    public const int CommentMaxLength = 1000;
}
