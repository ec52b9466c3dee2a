namespace Manuals.Core.Handovers;

/// <summary>The four boxes of a checklist row, in the order the printed sheet shows them.</summary>
[Flags]
public enum HandoverChecks
{
    None = 0,

    /// <summary>マニュアル確認: the successor has read the manual with the predecessor.</summary>
    ManualChecked = 1,

    /// <summary>同席して実施: done together once.</summary>
    DoneTogether = 2,

    /// <summary>単独で実施: the successor has done it alone; on completion they become at least level 2.</summary>
    DoneAlone = 4,

    /// <summary>権限・アカウント移管: the system rights and accounts the task needs have moved.</summary>
    AccessTransferred = 8,
}
