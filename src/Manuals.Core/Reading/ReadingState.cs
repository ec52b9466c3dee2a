namespace Manuals.Core.Reading;

/// <summary>Where a person stands with a manual assigned to them as required reading (必読).</summary>
public enum ReadingState
{
    /// <summary>未読: never confirmed, and not opened since the revision that matters.</summary>
    NotRead,

    /// <summary>既読・未確認: opened the revision that matters (or a later one) and not yet confirmed 「読みました」.</summary>
    Opened,

    /// <summary>改訂版を未確認: confirmed an earlier revision, and a later one was marked 重要な変更.</summary>
    RevisionNotConfirmed,

    /// <summary>確認済: confirmed the latest revision that matters (the first, or the latest 重要な変更) or a later one.</summary>
    Confirmed,
}
