using Manuals.Core.Manuals;

namespace Manuals.Core.Search;

/// <summary>Narrowing conditions on search results; null means "any".</summary>
/// <param name="DepartmentId">部署.</param>
/// <param name="Tag">タグ (exact).</param>
/// <param name="Template">テンプレート (exact).</param>
/// <param name="Status">状態.</param>
/// <param name="UpdatedFrom">Updated at or after this instant.</param>
/// <param name="UpdatedBefore">Updated before this instant.</param>
public sealed record SearchFilters(
    long? DepartmentId = null,
    string? Tag = null,
    string? Template = null,
    ManualStatus? Status = null,
    DateTimeOffset? UpdatedFrom = null,
    DateTimeOffset? UpdatedBefore = null)
{
    public static SearchFilters None { get; } = new();
}
