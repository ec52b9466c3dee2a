namespace Manuals.Core.Manuals;

/// <summary>Where a manual is in its life: 下書き → 公開 → アーカイブ.</summary>
public enum ManualStatus
{
    Draft,
    Published,
    Archived,
}
