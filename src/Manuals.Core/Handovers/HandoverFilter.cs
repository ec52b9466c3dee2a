namespace Manuals.Core.Handovers;

/// <summary>What the handover list shows: by status, the predecessor's department, an effective-date range and the employee.</summary>
public sealed record HandoverFilter(
    HandoverStatus? Status = null,
    long? DepartmentId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    long? EmployeeId = null);
