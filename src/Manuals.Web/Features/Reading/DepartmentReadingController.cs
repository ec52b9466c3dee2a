using Manuals.Core.Accounts;
using Manuals.Core.Coverage.Csv;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// 必読の状況（部署別）: for a department's Editors (their own departments) and Admins (all), everyone in it with their
/// required reading — 確認済, 既読・未確認, 未読, 改訂版を未確認, 期限切れ — and the same as a CSV for Excel.
/// </summary>
[Route("reading/departments")]
[Authorize(Policy = Policies.Writer)]
public sealed class DepartmentReadingController(
    RequiredReadingService reading,
    IDepartmentStore departments,
    ReadingPages pages,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] long? department, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(department, cancellationToken);
        return view.Value is { } found ? View("DepartmentReading", found) : this.ViewOr(view);
    }

    [HttpGet("csv")]
    public async Task<IActionResult> Csv([FromQuery] long? department, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(department, cancellationToken);
        if (view.Value is not { } found)
        {
            return this.ViewOr(view);
        }

        var csv = new CsvWriter().Row(
            l["Reading.Csv.Department"], l["Reading.Csv.Person"], l["Reading.Csv.Manual"], l["Reading.Csv.DueOn"], l["Reading.Csv.State"],
            l["Reading.Csv.ConfirmedRevision"], l["Reading.Csv.ConfirmedAt"], l["Reading.Csv.Overdue"]);
        foreach (var (person, manuals) in found.People)
        {
            foreach (var (row, title) in manuals)
            {
                csv.Row(
                    found.Selected.Name,
                    person,
                    title,
                    row.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    l[$"Reading.State.{row.State}"],
                    row.ConfirmedRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    row.ConfirmedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    row.IsOverdue(found.Today) ? l["Reading.Csv.Yes"] : "");
            }
        }

        return File(csv.ToBytes(), "text/csv; charset=utf-8", $"required-reading-department-{found.Selected.Id}-{found.Today:yyyyMMdd}.csv");
    }

    private async Task<Lookup<DepartmentReadingView>> ViewAsync(long? departmentId, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Viewer;
        var all = await departments.ListAsync(cancellationToken);
        var mine = all.Where(d => viewer.IsAdmin || viewer.BelongsTo(d.Id)).ToList();
        var selected = departmentId is { } id ? all.FirstOrDefault(d => d.Id == id) : mine.FirstOrDefault();
        if (selected is null)
        {
            return departmentId is null ? Lookups.Forbidden<DepartmentReadingView>() : Lookups.NotFound<DepartmentReadingView>();
        }

        var (outcome, rows) = await reading.DepartmentStatusAsync(viewer, selected.Id, cancellationToken);
        if (outcome != SaveOutcome.Saved)
        {
            return Lookups.Forbidden<DepartmentReadingView>();
        }

        var people = rows
            .GroupBy(r => (r.Row.UserId, r.Row.DisplayName))
            .Select(g => (g.Key.DisplayName, (IReadOnlyList<(ReadingRow, string)>)g.ToList()))
            .ToList();
        return Lookups.Found(new DepartmentReadingView(mine, selected, people, pages.Today));
    }
}
