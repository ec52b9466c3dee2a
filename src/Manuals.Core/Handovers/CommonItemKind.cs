namespace Manuals.Core.Handovers;

/// <summary>The items every handover has besides its tasks, in the order they are printed.</summary>
public enum CommonItemKind
{
    /// <summary>アカウントと権限 (passwords move through the company's password manager, never on paper).</summary>
    Accounts,

    /// <summary>ファイルの保管場所.</summary>
    FileLocations,

    /// <summary>取引先・関係者の連絡先.</summary>
    Contacts,

    /// <summary>進行中の案件.</summary>
    WorkInProgress,

    /// <summary>備品の返却.</summary>
    Equipment,
}
