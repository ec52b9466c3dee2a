using Manuals.Core.Accounts;
using Manuals.Core.Coverage;

namespace Manuals.Core.Handovers;

/// <summary>
/// The sign-off boxes of a handover - the predecessor, each successor once (in checklist order) and the manager - and
/// what a user may do with each (<see cref="HandoverAccessPolicy.SignOffRightOf"/>).
/// </summary>
public static class HandoverSignOffs
{
    public static IReadOnlyList<SignOffSlot> Slots(Handover handover, IReadOnlyDictionary<long, Employee> employees)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(employees);
        var slots = new List<SignOffSlot> { Person(SignOffRole.Predecessor, handover.EmployeeId, handover.EmployeeName, employees) };
        slots.AddRange(handover.SuccessorIds.Select(id => Person(SignOffRole.Successor, id, "", employees)));
        slots.Add(new SignOffSlot(SignOffRole.Manager, SignOffSlot.ManagerEmployeeId, handover.ManagerName, null));
        return slots;
    }

    /// <summary>The accounts of the people on the handover (predecessor and successors): they may open it to sign their boxes.</summary>
    public static IReadOnlySet<long> ParticipantUserIds(Handover handover, IReadOnlyDictionary<long, Employee> employees) =>
        Slots(handover, employees).Where(s => s.UserId is not null).Select(s => s.UserId!.Value).ToHashSet();

    public static IReadOnlyList<SignOffBox> Boxes(Viewer viewer, Handover handover, IReadOnlyDictionary<long, Employee> employees)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var slots = Slots(handover, employees);
        var participants = slots.Where(s => s.UserId is not null).Select(s => s.UserId!.Value).ToHashSet();
        return slots.Select(slot =>
        {
            var signature = handover.SignatureOf(slot.Role, slot.EmployeeId);
            var open = !handover.IsCompleted;
            return new SignOffBox(
                slot,
                signature,
                open && signature is null ? HandoverAccessPolicy.SignOffRightOf(viewer, handover, slot, participants) : SignOffRight.None,
                open && signature is not null && HandoverAccessPolicy.CanWithdraw(viewer, slot, signature));
        }).ToList();
    }

    private static SignOffSlot Person(SignOffRole role, long employeeId, string fallbackName, IReadOnlyDictionary<long, Employee> employees) =>
        employees.TryGetValue(employeeId, out var employee)
            ? new SignOffSlot(role, employeeId, employee.Name, employee.UserId)
            : new SignOffSlot(role, employeeId, fallbackName, null);
}
