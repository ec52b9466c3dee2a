using Manuals.Core.Accounts;
using Manuals.Core.Approvals;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Approvals;

/// <summary>Builds the approval pages' models: the 承認 list, a request with its diff and stages, and the route settings.</summary>
public sealed class ApprovalPages(
    ApprovalService approvals,
    IApprovalStore store,
    IManualStore manuals,
    IDepartmentStore departments,
    IAccountDirectory accounts,
    IStringLocalizer<SharedResource> l)
{
    public async Task<ApprovalListView> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (waiting, mine, others) = await approvals.ListAsync(viewer, cancellationToken);
        var names = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        IReadOnlyList<ApprovalRowView> Rows(IEnumerable<ApprovalRequest> requests) =>
            requests.Select(r => new ApprovalRowView(r, names.GetValueOrDefault(r.DepartmentId, ""))).ToList();
        return new ApprovalListView(Rows(waiting), Rows(mine), Rows(others), ApprovalPolicy.CanConfigure(viewer));
    }

    /// <summary>
    /// For the home page: how many requests wait for the viewer's approval, and how many of their own wait or were sent
    /// back.
    /// </summary>
    public async Task<(int Waiting, int MinePending, int SentBack)> CountsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var (waiting, mine, _) = await approvals.ListAsync(viewer, cancellationToken);
        return (waiting.Count, mine.Count(r => r.State == ApprovalRequestState.Pending), mine.Count(r => r.State == ApprovalRequestState.SentBack));
    }

    public async Task<Lookup<ApprovalRequestView>> RequestAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (outcome, request) = await approvals.FindAsync(viewer, id, cancellationToken);
        if (request is null)
        {
            return outcome == SaveOutcome.Forbidden ? Lookups.Forbidden<ApprovalRequestView>() : Lookups.NotFound<ApprovalRequestView>();
        }

        var manual = await manuals.FindAsync(request.ManualId, cancellationToken);
        if (manual is null)
        {
            return Lookups.NotFound<ApprovalRequestView>();
        }

        // Against what readers see now; a first publish has nothing published, so the whole text shows as added.
        var againstPublished = manual.Status == ManualStatus.Published;
        var diff = TextDiff.Compare(againstPublished ? manual.Body : "", request.Body);
        var department = (await departments.ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == request.DepartmentId)?.Name ?? "";
        return Lookups.Found(new ApprovalRequestView(
            request,
            manual,
            department,
            diff,
            againstPublished,
            await StagesAsync(request, cancellationToken),
            ApprovalPolicy.CanDecide(viewer, request),
            ApprovalPolicy.CanWithdraw(viewer, request),
            request.RequestedById == viewer.UserId));
    }

    public async Task<ApprovalSettingsListView> SettingsListAsync(CancellationToken cancellationToken)
    {
        var routes = await store.ListStagesAsync(cancellationToken);
        var users = await UserNamesAsync(cancellationToken);
        var rows = (await departments.ListAsync(cancellationToken))
            .Select(d => (d, (IReadOnlyList<string>)routes.GetValueOrDefault(d.Id, []).Select(s => Describe(s, users)).ToList()))
            .ToList();
        return new ApprovalSettingsListView(rows);
    }

    /// <summary>The route form of a department: as stored, or <paramref name="typed"/> when shown again after a refusal.</summary>
    public async Task<Lookup<ApprovalSettingsView>> SettingsAsync(long departmentId, ApprovalSettingsForm? typed, CancellationToken cancellationToken)
    {
        var department = (await departments.ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == departmentId);
        if (department is null)
        {
            return Lookups.NotFound<ApprovalSettingsView>();
        }

        var form = typed ?? ApprovalSettingsForm.From(await store.GetStagesAsync(departmentId, cancellationToken));
        var candidates = (await accounts.ListAsync(cancellationToken))
            .Where(u => !u.IsDisabled && (u.Roles.Contains(Roles.Editor) || u.Roles.Contains(Roles.Admin)))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .ToList();
        return Lookups.Found(new ApprovalSettingsView(department, form, candidates));
    }

    /// <summary>The route in words for the audit log and the settings list: 「第1段階: 山田 太郎 → 第2段階: 管理者」.</summary>
    public async Task<string> DescribeRouteAsync(long departmentId, CancellationToken cancellationToken)
    {
        var stages = await store.GetStagesAsync(departmentId, cancellationToken);
        if (stages.Count == 0)
        {
            return l["Approvals.Settings.Off"].Value;
        }

        var users = await UserNamesAsync(cancellationToken);
        return string.Join(" → ", stages.Select(s => l["Approvals.StageLabel", s.Number].Value + ": " + Describe(s, users)));
    }

    private async Task<IReadOnlyList<ApprovalStageView>> StagesAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        var users = await UserNamesAsync(cancellationToken);
        return request.Stages.Select(stage =>
        {
            var decision = request.Decisions.LastOrDefault(d => d.Stage == stage.Number);
            var state = decision?.Decision == ApprovalDecisionKind.Approved && stage.Number < request.CurrentStage ? "Approved"
                : request.State == ApprovalRequestState.SentBack && decision?.Decision == ApprovalDecisionKind.SentBack && stage.Number == request.CurrentStage ? "SentBack"
                : request.State == ApprovalRequestState.Pending && stage.Number == request.CurrentStage ? "Waiting"
                : "Upcoming";
            return new ApprovalStageView(stage.Number, Describe(stage, users), state, state is "Approved" or "SentBack" ? decision : null);
        }).ToList();
    }

    private string Describe(ApprovalStage stage, IReadOnlyDictionary<long, string> users) => stage.Kind switch
    {
        ApproverKind.Users => string.Join("、", stage.UserIds.Select(id => users.GetValueOrDefault(id, "—"))),
        ApproverKind.DepartmentEditors => l["Approvals.Kind.DepartmentEditors"].Value,
        _ => l["Approvals.Kind.Admins"].Value,
    };

    private async Task<IReadOnlyDictionary<long, string>> UserNamesAsync(CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
}
