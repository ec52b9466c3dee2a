using Manuals.Core.Coverage.Csv;

namespace Manuals.Web.Features.Coverage;

/// <summary>The import form: which file, the upload (or, after a clean dry run, the same file carried back) and the intent.</summary>
public sealed class ImportFormModel
{
    public CoverageCsvKind Kind { get; set; }

    public IFormFile? File { get; set; }

    /// <summary>The file checked by a dry run, base64, sent again by 「この内容で取り込む」.</summary>
    public string? Content { get; set; }

    public string? FileName { get; set; }

    /// <summary><c>dry-run</c> to check only, <c>import</c> to write.</summary>
    public string? Intent { get; set; }
}
