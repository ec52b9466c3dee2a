namespace Manuals.Core.Approvals;

/// <summary>Who may approve a stage (承認段階). Stored as is, so never rename a value.</summary>
public enum ApproverKind
{
    /// <summary>指名した人: any one of the named users.</summary>
    Users,

    /// <summary>その部署の編集者: any Editor who belongs to the manual's department.</summary>
    DepartmentEditors,

    /// <summary>管理者: any Admin.</summary>
    Admins,
}
