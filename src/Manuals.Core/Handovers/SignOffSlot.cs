namespace Manuals.Core.Handovers;

/// <summary>
/// One box to sign on a handover: the predecessor's, one per successor, and the manager's.
/// </summary>
/// <param name="Role">前任者, 後任者 or 管理者.</param>
/// <param name="EmployeeId">The person who signs in this box; 0 for the manager's box.</param>
/// <param name="Name">The person's name; for the manager's box, the manager the handover names.</param>
/// <param name="UserId">The person's sign-in account (from their employee record), or null; always null for the manager's box.</param>
public sealed record SignOffSlot(SignOffRole Role, long EmployeeId, string Name, long? UserId)
{
    /// <summary>The manager's box has no employee: whoever manages the handover and is not on it signs there.</summary>
    public const long ManagerEmployeeId = 0;
}
