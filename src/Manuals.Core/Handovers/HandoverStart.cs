namespace Manuals.Core.Handovers;

/// <summary>What a manager enters to start a handover.</summary>
public sealed record HandoverStart(long EmployeeId, HandoverReason Reason, DateOnly EffectiveDate, string ManagerName, string Note);
