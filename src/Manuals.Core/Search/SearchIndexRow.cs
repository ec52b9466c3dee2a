using Manuals.Core.Manuals;

namespace Manuals.Core.Search;

/// <summary>A manual found by the index, with what a result shows and the Markdown its snippet is cut from.</summary>
public sealed class SearchIndexRow
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public long DepartmentId { get; set; }
    public ManualVisibility Visibility { get; set; }
    public ManualStatus Status { get; set; }
    public string? Template { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>Markdown source of the current revision.</summary>
    public string Body { get; set; } = "";
}
