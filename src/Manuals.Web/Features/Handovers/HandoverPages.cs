using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Handovers;

/// <summary>Builds the handover pages' models from the store and one coverage view per request.</summary>
public sealed class HandoverPages(CoveragePages coverage, IHandoverStore store, IEmployeeStore employees, IAccountDirectory accounts)
{
    public async Task<HandoverListPage> ListAsync(Viewer viewer, HandoverListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var view = await coverage.ViewAsync(viewer, cancellationToken);
        var handovers = await store.ListAsync(query.ToFilter(), cancellationToken);
        return new(view, query, handovers.Where(h => HandoverAccessPolicy.CanManage(viewer, h.DepartmentId)).ToList());
    }

    public async Task<HandoverStartPage> StartAsync(Viewer viewer, HandoverStartForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var view = await coverage.ViewAsync(viewer, cancellationToken);
        var employees = view.Snapshot.Employees
            .Where(e => HandoverAccessPolicy.CanManage(viewer, e.DepartmentId) && e.Status is not (EmployeeStatus.Transferred or EmployeeStatus.Left))
            .OrderBy(e => e.Status == EmployeeStatus.Active ? 1 : 0)
            .ThenBy(e => e.DepartmentId)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var selected = form.EmployeeId is { } id ? employees.FirstOrDefault(e => e.Id == id) : null;
        if (selected is not null && form.EffectiveDate is null && selected.StatusDate is { } date)
        {
            // A scheduled move already has its date: start from it.
            form.EffectiveDate = date;
            form.Reason = selected.Status == EmployeeStatus.LeavingScheduled ? HandoverReason.Leaving : form.Reason;
        }

        var preview = selected is null
            ? []
            : HandoverPlanner.PlanItems(selected.Id, view.Snapshot, view.Moment.Today, form.EffectiveDate ?? view.Moment.Today);
        var open = selected is null
            ? []
            : await store.ListAsync(new HandoverFilter(HandoverStatus.InProgress, EmployeeId: selected.Id), cancellationToken);
        return new(view, form, employees, selected, preview, open.Count > 0 ? open[0] : null);
    }

    public async Task<Lookup<HandoverDetailPage>> DetailAsync(Viewer viewer, long id, HandoverChecklistForm? form, CancellationToken cancellationToken)
    {
        var handover = await store.FindAsync(id, cancellationToken);
        if (handover is null)
        {
            return Lookups.NotFound<HandoverDetailPage>();
        }

        if (!HandoverAccessPolicy.CanManage(viewer, handover.DepartmentId))
        {
            return Lookups.Forbidden<HandoverDetailPage>();
        }

        var view = await coverage.ViewAsync(viewer, cancellationToken);
        var assessment = HandoverAssessment.Of(handover, view.Snapshot, view.Report, view.Moment.Today);
        var events = await store.ListEventsAsync(id, cancellationToken);
        var signOffs = HandoverSignOffs.Boxes(viewer, handover, view.Snapshot.EmployeesById);
        return Lookups.Found(new HandoverDetailPage(view, handover, assessment, events, form ?? HandoverChecklistForm.From(handover), signOffs));
    }

    /// <summary>
    /// <c>/handovers/{id}/sign-off</c>: what the people on a handover read before they sign their own boxes - who goes,
    /// when, and which tasks go to whom - for its managers and for the people on it (who may be Readers).
    /// </summary>
    public async Task<Lookup<HandoverSignOffPage>> SignOffAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var handover = await store.FindAsync(id, cancellationToken);
        if (handover is null)
        {
            return Lookups.NotFound<HandoverSignOffPage>();
        }

        var view = await coverage.ViewAsync(viewer, cancellationToken);
        var employees = view.Snapshot.EmployeesById;
        if (!HandoverAccessPolicy.CanView(viewer, handover, HandoverSignOffs.ParticipantUserIds(handover, employees)))
        {
            return Lookups.Forbidden<HandoverSignOffPage>();
        }

        var rows = handover.Items
            .Select(i => new HandoverSignOffRow(i.TaskName, i.SuccessorId is { } s && employees.TryGetValue(s, out var e) ? e.Name : ""))
            .ToList();
        return Lookups.Found(new HandoverSignOffPage(
            handover,
            view.DepartmentName(handover.DepartmentId),
            rows,
            HandoverSignOffs.Boxes(viewer, handover, employees),
            view.Moment.Today,
            HandoverAccessPolicy.CanManage(viewer, handover.DepartmentId)));
    }

    /// <summary>Open handovers with a box the viewer signs with their own account and has not signed yet (the home page asks them).</summary>
    public async Task<IReadOnlyList<Handover>> AwaitingSignOffAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        // Only the handovers of the viewer's own employee records, read one by one: the home page shows this to everyone.
        var mine = (await employees.ListByUserAsync(viewer.UserId, cancellationToken)).Select(e => e.Id).ToList();
        var awaiting = new List<Handover>();
        foreach (var id in await store.ListOpenInvolvingAsync(mine, cancellationToken))
        {
            if (await store.FindAsync(id, cancellationToken) is not { } handover)
            {
                continue;
            }

            var people = new Dictionary<long, Employee>();
            foreach (var employeeId in handover.SuccessorIds.Append(handover.EmployeeId).Distinct())
            {
                if (await employees.FindAsync(employeeId, cancellationToken) is { } employee)
                {
                    people[employeeId] = employee;
                }
            }

            if (HandoverSignOffs.Boxes(viewer, handover, people).Any(b => b.Signature is null && b.Right == SignOffRight.Self))
            {
                awaiting.Add(handover);
            }
        }

        return awaiting;
    }

    /// <summary>The confirmation page; for a completed handover the plan is null (the controller shows the checklist instead).</summary>
    public async Task<Lookup<HandoverCompletePage>> CompleteAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var handover = await store.FindAsync(id, cancellationToken);
        if (handover is null)
        {
            return Lookups.NotFound<HandoverCompletePage>();
        }

        if (!HandoverAccessPolicy.CanManage(viewer, handover.DepartmentId))
        {
            return Lookups.Forbidden<HandoverCompletePage>();
        }

        var view = await coverage.ViewAsync(viewer, cancellationToken);
        var plan = handover.IsCompleted
            ? null
            : HandoverCompletion.Plan(
                handover, view.Snapshot, view.Manuals, view.Moment.Today, CompletionRights.Of(viewer, await accounts.ListAsync(cancellationToken)));
        return Lookups.Found(new HandoverCompletePage(view, handover, plan));
    }
}
