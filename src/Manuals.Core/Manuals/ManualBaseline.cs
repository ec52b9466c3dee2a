namespace Manuals.Core.Manuals;

/// <summary>
/// The settings the writer's form started from. A revision records only the title and the body, so the edit form
/// carries these beside the revision number; with them a later merge can tell who changed 公開範囲, 部署, 状態,
/// テンプレート or タグ, and keeps the other save's change instead of undoing it.
/// </summary>
public sealed record ManualBaseline(
    long DepartmentId,
    ManualVisibility Visibility,
    ManualStatus Status,
    string? Template,
    IReadOnlyList<string> Tags)
{
    public static ManualBaseline From(Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return new(manual.DepartmentId, manual.Visibility, manual.Status, manual.Template, manual.Tags);
    }
}
