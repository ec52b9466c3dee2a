using System.Globalization;
using Manuals.Core.Audit;
using Manuals.Core.Common;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Features.Audit;
using Manuals.Web.Features.Manuals;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// Required reading (必読) of one manual: 「読みました」 (after the 理解度チェック, when it has one) for an assignee; the
/// 必読の状況 page, its CSV, 「必読に指定」 and the 理解度チェック editor for those who may edit the manual.
/// </summary>
[Route("manuals/{id:long}")]
public sealed class ReadingController(
    ReadingPages pages,
    ManualPages manualPages,
    RequiredReadingService reading,
    CurrentUser currentUser,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>
    /// 「読みました」, with the 理解度チェック's answers as <c>q0</c>, <c>q1</c> … (the chosen answer's index; a question
    /// left unanswered sends nothing). Wrong answers show the manual again with the choices kept and the questions to
    /// look at again named.
    /// </summary>
    [HttpPost("read")]
    public async Task<IActionResult> Confirm(long id, IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var answers = Enumerable.Range(0, CheckQuestions.MaxQuestions)
            .Select(i => int.TryParse(form[$"q{i}"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var choice) ? choice : (int?)null)
            .ToList();
        var result = await reading.ConfirmAsync(currentUser.Viewer, id, answers, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = l["Reading.Confirmed"].Value;
                return Redirect($"/manuals/{id}");
            case SaveOutcome.Invalid when result.Wrong.Count > 0:
                var page = await manualPages.ShowAsync(currentUser.Viewer, id, cancellationToken);
                if (page.Value is not { } shown)
                {
                    return this.ViewOr(page);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("/Features/Manuals/Views/Show.cshtml", shown with { Attempt = new CheckAttempt(answers, result.Wrong) });
            case SaveOutcome.Invalid:
                return BadRequest();
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpPost("reading/{targetId:long}/remove")]
    public async Task<IActionResult> Unassign(long id, long targetId, CancellationToken cancellationToken)
    {
        var (outcome, manual, target) = await reading.UnassignAsync(currentUser.Viewer, id, targetId, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.Saved:
                var name = target!.UserId is null ? l["Reading.Target.Department", target.Name].Value : target.Name;
                await audit.RecordAsync(AuditAction.ReadingUnassigned, AuditTarget.Of(AuditTargetType.Manual, id, manual!.Title), name);
                TempData["Flash"] = l["Reading.Unassigned", name].Value;
                return Redirect($"/manuals/{id}/reading");
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpGet("questions")]
    public async Task<IActionResult> Questions(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.QuestionsAsync(currentUser.Viewer, id, null, [], cancellationToken), "Questions");

    [HttpPost("questions")]
    public async Task<IActionResult> SaveQuestions(long id, QuestionsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var written = form.Compact();
        var questions = written.ToQuestions();
        var result = ModelState.IsValid
            ? await reading.SaveQuestionsAsync(currentUser.Viewer, id, questions, cancellationToken)
            : new SaveResult(SaveOutcome.Invalid, id, null, [new ValidationError("Questions", "QuestionsUnreadable")]);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                await audit.RecordAsync(
                    AuditAction.CheckQuestionsChanged,
                    AuditTarget.Of(AuditTargetType.Manual, id, result.Current?.Title ?? ""),
                    l["Audit.Detail.CheckQuestionsChanged", questions.Count].Value);
                TempData["Flash"] = l[questions.Count > 0 ? "Reading.Questions.Saved" : "Reading.Questions.Removed"].Value;
                return Redirect($"/manuals/{id}/reading");
            case SaveOutcome.Invalid:
                var page = await pages.QuestionsAsync(currentUser.Viewer, id, written, result.Errors, cancellationToken);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return this.ViewOr(page, "Questions");
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpGet("reading")]
    public async Task<IActionResult> Status(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.StatusAsync(currentUser.Viewer, id, null, [], cancellationToken), "Status");

    [HttpGet("reading.csv")]
    public async Task<IActionResult> Csv(long id, CancellationToken cancellationToken)
    {
        var status = await pages.StatusAsync(currentUser.Viewer, id, null, [], cancellationToken);
        if (status.Value is not { } view)
        {
            return this.ViewOr(status);
        }

        return File(pages.Csv(view), "text/csv; charset=utf-8", $"required-reading-{id}-{view.Today:yyyyMMdd}.csv");
    }

    [HttpPost("reading")]
    public async Task<IActionResult> Assign(long id, ReadingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.IsValid
            ? await reading.AssignAsync(currentUser.Viewer, id, form.ToAssignment(), pages.Today, cancellationToken)
            : new SaveResult(SaveOutcome.Invalid, id, null, ReadingForm.BindingErrors(ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key)));
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                await audit.RecordAsync(
                    AuditAction.ReadingAssigned,
                    AuditTarget.Of(AuditTargetType.Manual, id, result.Current?.Title ?? ""),
                    l["Audit.Detail.ReadingAssigned", form.UserIds.Distinct().Count(), form.DepartmentIds.Distinct().Count(), form.BusinessDays].Value);
                TempData["Flash"] = l["Reading.Assigned"].Value;
                return Redirect($"/manuals/{id}/reading");
            case SaveOutcome.Invalid:
                var page = await pages.StatusAsync(currentUser.Viewer, id, form, result.Errors, cancellationToken);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return this.ViewOr(page, "Status");
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
