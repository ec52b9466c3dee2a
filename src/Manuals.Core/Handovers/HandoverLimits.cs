namespace Manuals.Core.Handovers;

/// <summary>Sizes the handover forms accept.</summary>
public static class HandoverLimits
{
    public const int NameMaxLength = 100;
    public const int NoteMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    /// <summary>How far from today an effective date may lie, in days, either way: a typo such as 2062 is caught.</summary>
    public const int EffectiveDateRangeDays = 366 * 2;
}
