namespace Manuals.Core.Coverage;

/// <summary>A manual linked to a task, with its usability at the time coverage was computed.</summary>
public sealed record LinkedManual(long ManualId, ManualUsability Usability)
{
    public bool IsUsable => Usability == ManualUsability.Usable;
}
