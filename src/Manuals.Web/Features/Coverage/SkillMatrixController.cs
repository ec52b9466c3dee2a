using System.Globalization;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// The skill matrix (星取表) of a department: shown to everyone signed in, edited by the department's Editors and by
/// Admins, in place (one cell per request, from the matrix script) or as a plain form (every cell, one 保存 button).
/// Every change is recorded with who, when, from and to.
/// </summary>
[Route("coverage/matrix")]
public sealed class SkillMatrixController(
    CoveragePages pages,
    SkillMatrixService service,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] long? department, [FromQuery] int? page, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? this.ViewOr(await pages.MatrixAsync(currentUser.Viewer, department, page ?? 1, cancellationToken), "Matrix")
            : BadRequest();

    /// <summary>The form without JavaScript: applies every cell whose select differs from the value it was rendered with.</summary>
    [HttpPost("")]
    [RequestFormLimits(ValueCountLimit = 20_000)]
    public async Task<IActionResult> Save([FromQuery] long department, [FromQuery(Name = "page")] int? pageNumber, MatrixFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var page = await pages.MatrixAsync(currentUser.Viewer, department, pageNumber ?? 1, cancellationToken);
        if (!ModelState.IsValid || page.Value is not { } matrix)
        {
            return ModelState.IsValid ? this.ViewOr(page) : BadRequest();
        }

        if (!matrix.CanEdit)
        {
            return Forbid();
        }

        var edits = ReadEdits(form);
        if (edits is null)
        {
            ModelState.AddModelError("", l["Coverage.Matrix.Invalid"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Matrix", matrix with { Posted = form.Cells });
        }

        var result = await service.ApplyAsync(currentUser.Viewer, currentUser.Author, edits, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = result.Changed == 0 ? l["Coverage.Matrix.NothingChanged"].Value : l["Coverage.Matrix.Saved", result.Changed].Value;
                return Redirect(matrix.Url(matrix.PageNumber));
            case SaveOutcome.Conflict:
                // Show the current values for the cells someone else changed and keep the user's choices everywhere else.
                var fresh = (await pages.MatrixAsync(currentUser.Viewer, department, matrix.PageNumber, cancellationToken)).Value!;
                var conflicts = result.Conflicts.Select(c => MatrixPage.Key(c.EmployeeId, c.TaskId)).ToHashSet();
                ModelState.AddModelError("", l["Coverage.Matrix.Conflict", conflicts.Count]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Matrix", fresh with
                {
                    Posted = form.Cells.Where(c => !conflicts.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value),
                    Conflicts = conflicts,
                });
            case SaveOutcome.Forbidden:
                return Forbid();
            case SaveOutcome.NotFound:
                return NotFound();
            default:
                return BadRequest();
        }
    }

    /// <summary>One cell, from the matrix script: answers JSON with the cell's value and the task's new risk.</summary>
    [HttpPost("cell")]
    public async Task<IActionResult> Cell(MatrixCellModel cell, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (!ModelState.IsValid
            || !MatrixCellCode.TryParse(cell.From, out var fromLevel, out var fromRole)
            || !MatrixCellCode.TryParse(cell.To, out var toLevel, out var toRole))
        {
            return Problem(StatusCodes.Status400BadRequest, l["Coverage.Matrix.Invalid"]);
        }

        var edit = new SkillCellEdit(cell.EmployeeId!.Value, cell.TaskId!.Value, fromLevel, fromRole, toLevel, toRole);
        var result = await service.ApplyAsync(currentUser.Viewer, currentUser.Author, [edit], cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => await CellStateAsync(edit, StatusCodes.Status200OK, null, cancellationToken),
            SaveOutcome.Conflict => await CellStateAsync(edit, StatusCodes.Status409Conflict, l["Coverage.Matrix.CellConflict"], cancellationToken),
            SaveOutcome.Forbidden => Problem(StatusCodes.Status403Forbidden, l["Coverage.Matrix.Forbidden"]),
            SaveOutcome.NotFound => Problem(StatusCodes.Status404NotFound, l["Coverage.Matrix.NotFound"]),
            _ => Problem(StatusCodes.Status400BadRequest, l["Coverage.Matrix.Invalid"]),
        };
    }

    [HttpGet("history")]
    public async Task<IActionResult> History([FromQuery] long department, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? this.ViewOr(await pages.MatrixHistoryAsync(currentUser.Viewer, department, cancellationToken), "MatrixHistory")
            : BadRequest();

    private async Task<IActionResult> CellStateAsync(SkillCellEdit edit, int status, string? message, CancellationToken cancellationToken)
    {
        var view = await pages.ViewAsync(currentUser.Viewer, cancellationToken);
        var cell = view.Snapshot.CellOf(edit.EmployeeId, edit.TaskId);
        var coverage = view.Report.Find(edit.TaskId)!;
        var employee = view.Snapshot.EmployeesById[edit.EmployeeId];
        var cellText = l["Coverage.Matrix.CellValue", (int)cell.Level, l[$"Coverage.Level.{(int)cell.Level}"], l[$"Coverage.Role.{cell.Role}"]].Value;
        return new JsonResult(new
        {
            cell = MatrixCellCode.Format(cell),
            task = new
            {
                id = coverage.Task.Id,
                risk = coverage.Risk.ToString(),
                riskLabel = l[$"Coverage.Risk.{coverage.Risk}"].Value,
                capable = coverage.CapableCount,
                capableText = l["Coverage.CapableCount", coverage.CapableCount].Value,
                explanation = l.Explain(coverage),
            },
            message = message ?? l["Coverage.Matrix.CellSaved", employee.Name, coverage.Task.Name, cellText, l[$"Coverage.Risk.{coverage.Risk}"]].Value,
        })
        { StatusCode = status };
    }

    private static JsonResult Problem(int status, string message) => new(new { message }) { StatusCode = status };

    /// <summary>The edits the form asks for, or null when a key or a value is not one the page rendered.</summary>
    private static List<SkillCellEdit>? ReadEdits(MatrixFormModel form)
    {
        var original = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (form.Original ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2)
            {
                return null;
            }

            original[parts[0]] = parts[1];
        }

        var edits = new List<SkillCellEdit>();
        foreach (var (key, code) in form.Cells)
        {
            if (!original.TryGetValue(key, out var from)
                || !TryParseKey(key, out var employeeId, out var taskId)
                || !MatrixCellCode.TryParse(from, out var fromLevel, out var fromRole)
                || !MatrixCellCode.TryParse(code, out var toLevel, out var toRole))
            {
                return null;
            }

            edits.Add(new SkillCellEdit(employeeId, taskId, fromLevel, fromRole, toLevel, toRole));
        }

        return edits;
    }

    private static bool TryParseKey(string key, out long employeeId, out long taskId)
    {
        employeeId = 0;
        taskId = 0;
        var parts = key.Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out employeeId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out taskId);
    }
}
