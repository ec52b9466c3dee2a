namespace Manuals.Core.Handovers;

/// <summary>One row of the checklist: a task the employee hands over, to whom, by when, and how far it has got.</summary>
public sealed class HandoverItem
{
    public long TaskId { get; set; }

    /// <summary>The task's name (read with the item, not stored twice).</summary>
    public string TaskName { get; set; } = "";

    public HandoverItemBasis Basis { get; set; }

    /// <summary>The employee who takes the task over; null while nobody is chosen.</summary>
    public long? SuccessorId { get; set; }

    /// <summary>The next due date before the effective date: a chance to do it together. Null when none falls before it.</summary>
    public DateOnly? DueBefore { get; set; }

    /// <summary>The first due date on or after the effective date: the successor's first time alone.</summary>
    public DateOnly? DueAfter { get; set; }

    public HandoverChecks Checks { get; set; }

    public string Note { get; set; } = "";

    public bool Has(HandoverChecks check) => (Checks & check) == check;
}
