namespace Manuals.Core.Coverage;

/// <summary>A business task (業務) of one department, e.g. 月次決算（仮締め）, with the manuals that describe it.</summary>
public sealed class BusinessTask
{
    public long Id { get; set; }
    public long DepartmentId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public TaskFrequency Frequency { get; set; }

    /// <summary>When within the frequency it happens, as people say it: 毎月第5営業日, 毎月末, 12月.</summary>
    public string Timing { get; set; } = "";

    public TaskCriticality Criticality { get; set; } = TaskCriticality.Medium;

    /// <summary>Ids of the linked manuals (many-to-many), ascending.</summary>
    public IReadOnlyList<long> ManualIds { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
