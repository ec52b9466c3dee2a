namespace Manuals.Core.Manuals;

/// <summary>The parts of a manual a writer edits in one save, as compared when two saves meet.</summary>
public enum ManualField
{
    Title,
    Department,
    Visibility,
    Status,
    Template,
    Tags,
    Body,
}
