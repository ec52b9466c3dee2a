namespace Manuals.Core.Manuals;

/// <summary>Who may read a manual.</summary>
public enum ManualVisibility
{
    /// <summary>全社公開: every signed-in user.</summary>
    Company,

    /// <summary>部署限定: members of the manual's department, its owner and Admins.</summary>
    Department,
}
