using System.Globalization;
using Manuals.Core.Coverage;
using Manuals.Core.Coverage.Csv;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Coverage;

/// <summary>Turns Core's coverage codes into sentences in the user's language.</summary>
public static class CoverageText
{
    /// <summary>The verdict, e.g. 「危険: 山田 太郎さんしかできず、使えるマニュアルがありません。」.</summary>
    public static string Verdict(this IStringLocalizer l, TaskCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(coverage);
        var message = coverage.VerdictMessage;
        return l[$"Coverage.Verdict.{message.Code}", [.. message.Arguments]];
    }

    /// <summary>The suggested fix, e.g. 「マニュアルを作成し、副担当を育成してください。」.</summary>
    public static string Fix(this IStringLocalizer l, TaskCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(coverage);
        return l[$"Coverage.Fix.{coverage.FixMessage.Code}"];
    }

    /// <summary>Verdict and fix together, as one line.</summary>
    public static string Explain(this IStringLocalizer l, TaskCoverage coverage)
    {
        var verdict = l.Verdict(coverage);
        // Japanese sentences follow each other without a space; English ones need one.
        return verdict.EndsWith('。') ? verdict + l.Fix(coverage) : verdict + " " + l.Fix(coverage);
    }

    /// <summary>A CSV problem as 「3行目「頻度」: …」.</summary>
    public static string Describe(this IStringLocalizer l, CsvRowError error)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(error);
        var key = error.Code.StartsWith("Validation.", StringComparison.Ordinal)
            ? "Coverage." + error.Code
            : "Coverage.Csv.Error." + error.Code;
        var reason = l[key, error.Value, error.Detail].Value;
        var line = error.Line.ToString(CultureInfo.InvariantCulture);
        return (error.Line, error.Column) switch
        {
            (0, _) => reason,
            (_, "") => l["Coverage.Csv.AtLine", line, reason],
            _ => l["Coverage.Csv.AtCell", line, error.Column, reason],
        };
    }

    /// <summary>e.g. 12/9, for narrow places such as the matrix's column heads.</summary>
    public static string ShortDate(DateOnly? date) => date?.ToString("M/d", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly? date) => date?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) ?? "";
}
