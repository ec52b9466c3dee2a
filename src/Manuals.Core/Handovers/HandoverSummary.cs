namespace Manuals.Core.Handovers;

/// <summary>A handover as the list shows it, with its progress counted by the store.</summary>
public sealed class HandoverSummary
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public string EmployeeName { get; set; } = "";
    public long DepartmentId { get; set; }
    public HandoverReason Reason { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public string ManagerName { get; set; } = "";
    public HandoverStatus Status { get; set; }
    public int ItemCount { get; set; }

    /// <summary>Ticked boxes of the items and the common items.</summary>
    public int DoneBoxes { get; set; }

    /// <summary>Boxes of the items (four each) and the common items.</summary>
    public int TotalBoxes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
