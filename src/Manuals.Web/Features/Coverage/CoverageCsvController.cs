using System.Globalization;
using Manuals.Core.Audit;
using Manuals.Core.Coverage;
using Manuals.Core.Coverage.Csv;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// CSV export (everyone signed in; each sees what the pages show them, see <see cref="CoverageCsvExporter"/>) and import (Editors and Admins; each row's department is checked) of tasks, employees
/// and the matrix. An import is checked whole first; with any error nothing is written.
/// </summary>
[Route("coverage")]
public sealed class CoverageCsvController(
    CoverageCsvImporter importer,
    CoverageCsvExporter exporter,
    CurrentUser currentUser,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("export/{kind}.csv")]
    public async Task<IActionResult> Export(string kind, CancellationToken cancellationToken)
    {
        if (!TryKind(kind, out var parsed))
        {
            return NotFound();
        }

        var bytes = await exporter.ExportAsync(currentUser.Viewer, parsed, cancellationToken);
        var day = clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return File(bytes, "text/csv; charset=utf-8", $"{kind}-{day}.csv");
    }

    [HttpGet("import")]
    [Authorize(Policy = Policies.Writer)]
    public IActionResult Import([FromQuery] CoverageCsvKind kind = CoverageCsvKind.Tasks) =>
        ModelState.IsValid && Enum.IsDefined(kind) ? View("Import", new ImportPage(kind, null, null, null)) : BadRequest();

    [HttpPost("import")]
    [Authorize(Policy = Policies.Writer)]
    [RequestFormLimits(MultipartBodyLengthLimit = 4 * CoverageLimits.CsvMaxBytes)]
    public async Task<IActionResult> Import(ImportFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || !Enum.IsDefined(form.Kind))
        {
            return BadRequest();
        }

        var (bytes, fileName) = await ReadFileAsync(form, cancellationToken);
        if (bytes is null)
        {
            ModelState.AddModelError(nameof(form.File), l["Coverage.Import.ChooseFile"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Import", new ImportPage(form.Kind, null, null, null));
        }

        var dryRun = form.Intent != "import";
        var result = await importer.ImportAsync(
            currentUser.Viewer, currentUser.Author, form.Kind, bytes, new CsvImportOptions(dryRun), cancellationToken);
        if (!dryRun)
        {
            // The import itself, not its preview: written, or refused whole because of the listed errors.
            await audit.RecordAsync(
                AuditAction.Import,
                result.Written ? AuditOutcome.Success : AuditOutcome.Failure,
                new AuditTarget(AuditTargetType.File, null, fileName),
                l["Audit.Detail.CsvImport", l[$"Coverage.Csv.Kind.{form.Kind}"].Value, result.Rows, result.Created, result.Updated, result.Errors.Count].Value);
        }

        if (result.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var carry = dryRun && result.Errors.Count == 0 ? Convert.ToBase64String(bytes) : null;
        return View("Import", new ImportPage(form.Kind, result, carry, fileName));
    }

    private static async Task<(byte[]? Bytes, string? FileName)> ReadFileAsync(ImportFormModel form, CancellationToken cancellationToken)
    {
        if (form.File is { Length: > 0 } file)
        {
            // One byte over the limit is enough for the importer to refuse the file with its message.
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0 && buffer.Length <= CoverageLimits.CsvMaxBytes)
            {
                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), Path.GetFileName(file.FileName));
        }

        if (!string.IsNullOrEmpty(form.Content))
        {
            var bytes = new byte[form.Content.Length];
            return Convert.TryFromBase64String(form.Content, bytes, out var length) ? (bytes[..length], form.FileName) : (null, null);
        }

        return (null, null);
    }

    private static bool TryKind(string text, out CoverageCsvKind kind)
    {
        kind = text switch
        {
            "tasks" => CoverageCsvKind.Tasks,
            "employees" => CoverageCsvKind.Employees,
            "matrix" => CoverageCsvKind.Matrix,
            _ => (CoverageCsvKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    /// <summary>The URL segment of each kind, for export links.</summary>
    public static string Slug(CoverageCsvKind kind) => kind.ToString().ToLowerInvariant();
}
