namespace Manuals.Core.Manuals;

/// <summary>One saved version of a manual (改訂). Revisions are never changed once written.</summary>
public sealed class ManualRevision
{
    public long ManualId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public long? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string ChangeNote { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
