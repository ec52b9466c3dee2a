using Manuals.Core.Manuals;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// A manual as the index holds it: its text fields (with the names of the business tasks it is linked to) and what
/// search filters and checks access on.
/// </summary>
public sealed record IndexedManual(
    long Id,
    long Revision,
    string Title,
    long DepartmentId,
    ManualVisibility Visibility,
    ManualStatus Status,
    string? Template,
    long? OwnerId,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Tasks,
    string Markdown);
