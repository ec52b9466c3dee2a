namespace Manuals.Core.Manuals;

/// <summary>Size limits shared by forms, the importer and the database.</summary>
public static class ManualLimits
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 200_000;
    public const int ChangeNoteMaxLength = 500;
    public const int TagMaxLength = 40;
    public const int MaxTags = 20;
    public const int TemplateMaxLength = 100;
}
