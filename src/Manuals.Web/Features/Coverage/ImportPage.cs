using Manuals.Core.Coverage.Csv;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/coverage/import</c>: the upload form, and after a dry run or an import its result.</summary>
/// <param name="Kind">The file kind chosen.</param>
/// <param name="Result">The result, or null before anything was uploaded.</param>
/// <param name="Content">After a clean dry run: the file, base64, so 取り込む can send it again without another upload.</param>
/// <param name="FileName">The uploaded file's name, for the result heading.</param>
public sealed record ImportPage(CoverageCsvKind Kind, CsvImportResult? Result, string? Content, string? FileName);
