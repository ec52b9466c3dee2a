using Manuals.Core.Accounts;
using Manuals.Core.Approvals;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Editing;
using Manuals.Core.Reading;
using Manuals.Core.Templates;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Manuals;

/// <summary>Builds the manual pages' models: reads the stores, asks the access policy, renders Markdown.</summary>
public sealed class ManualPages(
    IManualStore manuals,
    IDepartmentStore departments,
    IAccountDirectory accounts,
    MarkdownHtml html,
    IStringLocalizer<SharedResource> l,
    TemplateService templates,
    ReaderShelf shelf,
    IApprovalStore approvals,
    CoverageClock clock)
{
    /// <summary>How many recently updated manuals the home page shows.</summary>
    private const int RecentShown = 8;

    /// <summary>How many manuals a page of the manual list shows.</summary>
    public const int ListPageSize = 50;

    public async Task<Lookup<ManualListPage>> ListAsync(
        Viewer viewer, long? departmentId, ManualListPosition? position, CancellationToken cancellationToken)
    {
        var all = await departments.ListAsync(cancellationToken);
        var selected = departmentId is { } id ? all.FirstOrDefault(d => d.Id == id) : null;
        if (departmentId is not null && selected is null)
        {
            return Lookups.NotFound<ManualListPage>();
        }

        var counts = await manuals.CountReadableByDepartmentAsync(viewer, cancellationToken);
        var slice = await manuals.ListReadableAsync(viewer, selected?.Id, position, ListPageSize, cancellationToken);
        var canCreate = viewer.IsAdmin || (viewer.IsWriter && viewer.DepartmentIds.Count > 0);
        return Lookups.Found(new ManualListPage(all, counts, selected, slice, canCreate));
    }

    public async Task<Lookup<ManualPage>> ShowAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var manual = await manuals.FindAsync(id, cancellationToken);
        if (manual is null)
        {
            return Lookups.NotFound<ManualPage>();
        }

        if (!ManualAccessPolicy.CanRead(viewer, manual))
        {
            return Lookups.Forbidden<ManualPage>();
        }

        var department = await DepartmentNameAsync(manual.DepartmentId, cancellationToken);
        var canEdit = ManualAccessPolicy.CanEdit(viewer, manual);
        var owners = canEdit ? await OwnerChoicesAsync(cancellationToken) : [];
        var completeness = await templates.CheckAsync(manual.Template, manual.Body, cancellationToken);
        var reader = await shelf.OpenedAsync(viewer, manual.Id, manual.RevisionNumber, cancellationToken);
        var moment = clock.Now();
        var request = await OpenRequestAsync(viewer, manual.Id, cancellationToken);
        return Lookups.Found(new ManualPage(
            manual,
            department,
            await html.RenderAsync(manual.Body, cancellationToken),
            canEdit,
            ReviewStatus.Of(manual, moment.Now),
            owners,
            completeness,
            reader,
            moment.Today)
        { OpenRequest = request });
    }

    /// <summary>
    /// The manual's open request (承認待ち or 差し戻し) when the viewer may see it. Readers take no part in approval, so
    /// for them nothing is even looked up.
    /// </summary>
    public async Task<ApprovalRequest?> OpenRequestAsync(Viewer viewer, long manualId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsWriter)
        {
            return null;
        }

        var request = await approvals.FindOpenAsync(manualId, cancellationToken);
        if (request is null || !ApprovalPolicy.CanSee(viewer, request))
        {
            return null;
        }

        // A sent-back request is shown with its comment, which is among its decisions.
        return request.State == ApprovalRequestState.SentBack ? await approvals.FindAsync(request.Id, cancellationToken) : request;
    }

    /// <summary>
    /// The edit form of <paramref name="manual"/>. When the viewer's own request is open on the current revision, the
    /// form holds the request's text, so a writer whose request was sent back edits what they asked for.
    /// </summary>
    public async Task<ManualFormPage> EditFormAsync(Viewer viewer, Manual manual, string editorMode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(manual);
        var request = await OpenRequestAsync(viewer, manual.Id, cancellationToken);
        var editsRequest = request is not null && request.RequestedById == viewer.UserId && request.BaseRevision == manual.RevisionNumber;
        ManualFormModel form;
        if (editsRequest)
        {
            var draft = request!.ToDraft();
            form = ManualFormModel.From(ManualContent.From(draft), draft.ChangeNote);
            form.MaterialChange = draft.MaterialChange;
            form.StartFrom(manual);
        }
        else
        {
            form = ManualFormModel.From(manual);
        }

        form.EditorMode = editorMode;
        var page = await FormAsync(viewer, form, manual.Id, preview: false, cancellationToken);
        return page with { OpenRequest = request, EditsRequest = editsRequest };
    }

    /// <summary>The edit form for an existing manual, or null-status when missing or not editable.</summary>
    public async Task<Lookup<Manual>> FindEditableAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var manual = await manuals.FindAsync(id, cancellationToken);
        if (manual is null)
        {
            return Lookups.NotFound<Manual>();
        }

        return ManualAccessPolicy.CanEdit(viewer, manual) ? Lookups.Found(manual) : Lookups.Forbidden<Manual>();
    }

    /// <summary>The form page; the department list offers only departments the viewer may write in (plus the current one).</summary>
    public async Task<ManualFormPage> FormAsync(
        Viewer viewer, ManualFormModel form, long? manualId, bool preview, CancellationToken cancellationToken, bool addStep = false)
    {
        ArgumentNullException.ThrowIfNull(form);
        var body = form.Body ?? "";
        var previewHtml = preview ? await html.RenderAsync(body, cancellationToken) : null;
        var template = await templates.FindByNameAsync(form.Template, cancellationToken);
        var completeness = TemplateCompleteness.Check(template, body);
        var layout = form.IsStepEditor ? EditorLayout.Build(body, template) : null;
        var templateChoices = await templates.ListActiveAsync(cancellationToken);
        var choices = (await departments.ListAsync(cancellationToken))
            .Where(d => ManualAccessPolicy.CanCreateIn(viewer, d.Id) || d.Id == form.DepartmentId)
            .ToList();
        var stages = form.DepartmentId is { } departmentId ? await approvals.GetStagesAsync(departmentId, cancellationToken) : [];
        return new ManualFormPage(form, choices, manualId, previewHtml, completeness, templateChoices, layout, addStep)
        {
            ApprovalStages = stages.Count,
        };
    }

    /// <summary>
    /// The conflict page: the merge proposal in a form based on the current revision now (saving it again is a
    /// deliberate merge, and a further save by someone else meanwhile is a conflict again), with every field's values.
    /// </summary>
    public async Task<ConflictPage> ConflictAsync(
        Viewer viewer, ManualFormModel mine, Manual current, ManualConflict conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(conflict);
        var merge = conflict.Merge;
        var form = ManualFormModel.From(merge.Proposal, mine.ChangeNote ?? "");
        form.StartFrom(current);

        var all = await departments.ListAsync(cancellationToken);
        var choices = all
            .Where(d => ManualAccessPolicy.CanCreateIn(viewer, d.Id) || d.Id == current.DepartmentId || d.Id == form.DepartmentId)
            .ToList();
        var fields = merge.Fields
            .Where(f => f.Field != ManualField.Body)
            .Select(f => new ConflictFieldView(
                f.Field,
                f.Kind,
                merge.Base is null ? null : Display(merge.Base, f.Field, all),
                Display(merge.Theirs, f.Field, all),
                Display(merge.Mine, f.Field, all)))
            .ToList();
        var theirChanges = merge.Base is null ? null : TextDiff.Compare(merge.Base.Body, merge.Theirs.Body);
        var myChanges = TextDiff.Compare(merge.Base?.Body ?? merge.Theirs.Body, merge.Mine.Body);
        var savedByViewer = conflict.Latest?.AuthorId is { } author && author == viewer.UserId;
        return new ConflictPage(
            form, current, conflict, savedByViewer, fields, choices, await templates.ListActiveAsync(cancellationToken), theirChanges, myChanges);
    }

    private string Display(ManualContent content, ManualField field, IReadOnlyList<Department> all) => field switch
    {
        ManualField.Title => content.Title,
        ManualField.Department => all.FirstOrDefault(d => d.Id == content.DepartmentId)?.Name ?? "—",
        ManualField.Visibility => l[$"ManualVisibility.{content.Visibility}"],
        ManualField.Status => l[$"ManualStatus.{content.Status}"],
        ManualField.Template => content.Template ?? l["Manuals.Form.NoTemplate"],
        ManualField.Tags => content.Tags.Count == 0 ? l["Manuals.Conflict.NoTags"] : string.Join("、", content.Tags),
        _ => content.Body,
    };

    public async Task<Lookup<HistoryPage>> HistoryAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var manual = await manuals.FindAsync(id, cancellationToken);
        if (manual is null)
        {
            return Lookups.NotFound<HistoryPage>();
        }

        return ManualAccessPolicy.CanRead(viewer, manual)
            ? Lookups.Found(new HistoryPage(manual, await manuals.ListRevisionsAsync(id, cancellationToken)))
            : Lookups.Forbidden<HistoryPage>();
    }

    public async Task<Lookup<RevisionPage>> RevisionAsync(Viewer viewer, long id, int number, CancellationToken cancellationToken)
    {
        var manual = await manuals.FindAsync(id, cancellationToken);
        if (manual is null)
        {
            return Lookups.NotFound<RevisionPage>();
        }

        if (!ManualAccessPolicy.CanRead(viewer, manual))
        {
            return Lookups.Forbidden<RevisionPage>();
        }

        var revision = await manuals.FindRevisionAsync(id, number, cancellationToken);
        if (revision is null)
        {
            return Lookups.NotFound<RevisionPage>();
        }

        var previous = number > 1 ? await manuals.FindRevisionAsync(id, number - 1, cancellationToken) : null;
        var diff = TextDiff.Compare(previous?.Body ?? "", revision.Body);
        return Lookups.Found(new RevisionPage(manual, revision, await html.RenderAsync(revision.Body, cancellationToken), diff, ManualAccessPolicy.CanEdit(viewer, manual)));
    }

    /// <summary>An active (not retired) template, or null.</summary>
    public Task<StepTemplate?> ActiveTemplateAsync(long id, CancellationToken cancellationToken) =>
        templates.FindActiveAsync(id, cancellationToken);

    /// <summary>Two revisions side by side as a diff; null-status when the manual or a revision is missing or unreadable.</summary>
    public async Task<Lookup<ComparePage>> CompareAsync(Viewer viewer, long id, int from, int to, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(viewer, id, cancellationToken);
        if (history.Value is not { } page)
        {
            return new Lookup<ComparePage>(null, history.Status);
        }

        var older = page.Revisions.FirstOrDefault(r => r.Number == Math.Min(from, to));
        var newer = page.Revisions.FirstOrDefault(r => r.Number == Math.Max(from, to));
        if (older is null || newer is null)
        {
            return Lookups.NotFound<ComparePage>();
        }

        return Lookups.Found(new ComparePage(page.Manual, older, newer, TextDiff.Compare(older.Body, newer.Body), page.Revisions));
    }

    /// <summary>For writers, the manuals they own that are overdue or due soon, soonest first; the recently updated manuals they may read.</summary>
    public async Task<HomePage> HomeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var moment = clock.Now();
        var now = moment.Now;
        var mine = viewer.IsWriter
            ? (await manuals.ListOwnedAsync(viewer.UserId, cancellationToken))
                .Where(m => ManualAccessPolicy.CanRead(viewer, m))
                .Select(m => (Manual: m, Review: ReviewStatus.Of(m, now)))
                .Where(x => x.Review.State is ReviewState.Overdue or ReviewState.DueSoon)
                .OrderBy(x => x.Review.DueAt)
                .ToList()
            : [];
        var recent = await manuals.ListReadableAsync(viewer, null, null, RecentShown, cancellationToken);
        var staleCount = viewer.IsAdmin ? (await manuals.ListOverdueAsync(now, cancellationToken)).Count : 0;
        var lists = await shelf.ListAsync(viewer, cancellationToken);
        return new HomePage(viewer.IsWriter, mine, recent.Manuals, await departments.ListAsync(cancellationToken), staleCount, lists, moment.Today);
    }

    /// <summary>A page of the published manuals past their review date, most overdue first (for Admins); past the last, the last.</summary>
    public async Task<StaleManualsPage> StaleAsync(int page, CancellationToken cancellationToken)
    {
        var now = clock.Now().Now;
        var stale = (await manuals.ListOverdueAsync(now, cancellationToken))
            .Select(m => (Manual: m, Review: ReviewStatus.Of(m, now)))
            .OrderBy(x => x.Review.DueAt)
            .ThenBy(x => x.Manual.Id)
            .ToList();
        var shown = Pagination.Slice(stale, page, StaleManualsPage.PageSize);
        return new StaleManualsPage(shown.Items, stale.Count, shown.Number, shown.Count, await departments.ListAsync(cancellationToken));
    }

    private async Task<IReadOnlyList<UserSummary>> OwnerChoicesAsync(CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken))
            .Where(u => !u.IsDisabled && (u.Roles.Contains(Roles.Editor) || u.Roles.Contains(Roles.Admin)))
            .ToList();

    private async Task<string> DepartmentNameAsync(long id, CancellationToken cancellationToken) =>
        (await departments.ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == id)?.Name ?? "";
}
