using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Core.Handovers;

/// <summary>
/// Works out what completing a handover changes (DESIGN.md, issue #6):
/// <list type="bullet">
/// <item>the matrix: a successor who has done the task alone (単独で実施) becomes at least level 2; the predecessor's
/// role moves to the successor (主担当 stays 主担当, 副担当 becomes 副担当 unless the successor already has a role) and the
/// predecessor keeps their level but loses the role;</item>
/// <item>manual owners: the task's linked manuals owned by the predecessor's account, or by nobody, move to the
/// successor's account (a successor without an account is reported instead) - but only manuals the person completing
/// may edit, to a successor whose account may read them without the ownership (a link to a task is not ownership, so
/// linking another department's manual to one's own task and handing it over takes nothing);</item>
/// <item>the employee's status: 異動 → 異動済, 退職 → 退職済 (異動予定/退職予定 while the effective date is still ahead),
/// 休職 → 休職中, その他 → unchanged; someone already 異動済 or 退職済 stays so.</item>
/// </list>
/// </summary>
public static class HandoverCompletion
{
    public static HandoverCompletionPlan Plan(
        Handover handover, CoverageSnapshot snapshot, IReadOnlyList<ManualSummary> manuals, DateOnly today, CompletionRights rights)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(manuals);
        ArgumentNullException.ThrowIfNull(rights);
        var predecessor = snapshot.EmployeesById.GetValueOrDefault(handover.EmployeeId);
        var manualsById = manuals.ToDictionary(m => m.Id);
        var tasksById = snapshot.Tasks.ToDictionary(t => t.Id);
        var edits = new List<SkillCellEdit>();
        var moves = new Dictionary<long, ManualOwnerMove>();
        var withoutAccount = new SortedSet<string>(StringComparer.Ordinal);
        var unreadable = new Dictionary<long, ManualOwnerMove>();
        var notEditable = new HashSet<long>();
        foreach (var item in handover.Items)
        {
            if (item.SuccessorId is not { } successorId || !snapshot.EmployeesById.TryGetValue(successorId, out var successor))
            {
                continue;
            }

            edits.AddRange(MatrixEdits(item, handover.EmployeeId, successorId, snapshot));
            if (!tasksById.TryGetValue(item.TaskId, out var task))
            {
                continue;
            }

            foreach (var manualId in task.ManualIds)
            {
                if (moves.ContainsKey(manualId) || unreadable.ContainsKey(manualId) || !manualsById.TryGetValue(manualId, out var manual))
                {
                    continue;
                }

                var ownedByPredecessor = manual.OwnerId is null || manual.OwnerId == predecessor?.UserId;
                if (!ownedByPredecessor || manual.OwnerId == successor.UserId)
                {
                    continue;
                }

                if (!ManualAccessPolicy.CanEdit(rights.Actor, manual.DepartmentId, manual.OwnerId))
                {
                    notEditable.Add(manualId);
                    continue;
                }

                if (successor.UserId is not { } toUserId)
                {
                    withoutAccount.Add(successor.Name);
                    continue;
                }

                var move = new ManualOwnerMove(manualId, manual.Title, manual.OwnerId, manual.OwnerName ?? "", toUserId, successor.Name);
                if (rights.Accounts.TryGetValue(toUserId, out var account)
                    && ManualAccessPolicy.CanRead(account, manual.DepartmentId, manual.Visibility, ownerId: null, manual.Status))
                {
                    moves[manualId] = move;
                }
                else
                {
                    unreadable[manualId] = move;
                }
            }
        }

        // Someone already recorded as gone (異動済・退職済) is not brought back by a late completion.
        var status = predecessor?.Status is EmployeeStatus.Transferred or EmployeeStatus.Left ? null : NewStatus(handover, today);
        return new HandoverCompletionPlan(
            edits, moves.Values.ToList(), status, handover.EffectiveDate, withoutAccount.ToList(), unreadable.Values.ToList(), notEditable.Count);
    }

    /// <summary>The predecessor's status after completion, or null when it stays as it is.</summary>
    public static EmployeeStatus? NewStatus(Handover handover, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(handover);
        var ahead = handover.EffectiveDate > today;
        return handover.Reason switch
        {
            HandoverReason.Transfer => ahead ? EmployeeStatus.TransferScheduled : EmployeeStatus.Transferred,
            HandoverReason.Leaving => ahead ? EmployeeStatus.LeavingScheduled : EmployeeStatus.Left,
            HandoverReason.LeaveOfAbsence => EmployeeStatus.OnLeave,
            _ => null,
        };
    }

    private static IEnumerable<SkillCellEdit> MatrixEdits(HandoverItem item, long predecessorId, long successorId, CoverageSnapshot snapshot)
    {
        var from = snapshot.CellOf(predecessorId, item.TaskId);
        var to = snapshot.CellOf(successorId, item.TaskId);
        var level = item.Has(HandoverChecks.DoneAlone) && to.Level < CoverageRules.CapableLevel ? CoverageRules.CapableLevel : to.Level;
        var role = from.Role switch
        {
            AssignmentRole.Primary => AssignmentRole.Primary,
            AssignmentRole.Backup when to.Role == AssignmentRole.None => AssignmentRole.Backup,
            _ => to.Role,
        };
        var successorEdit = new SkillCellEdit(successorId, item.TaskId, to.Level, to.Role, level, role);
        if (successorEdit.IsChange)
        {
            yield return successorEdit;
        }

        if (from.Role != AssignmentRole.None)
        {
            yield return new SkillCellEdit(predecessorId, item.TaskId, from.Level, from.Role, from.Level, AssignmentRole.None);
        }
    }
}
