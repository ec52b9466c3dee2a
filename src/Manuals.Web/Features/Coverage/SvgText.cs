using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// Writes an SVG <c>&lt;text&gt;</c> element. Razor reserves <c>&lt;text&gt;</c> inside code blocks for itself, so the
/// charts build their labels here, with the content HTML-encoded.
/// </summary>
public static class SvgText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Of(string cssClass, double x, double y, string content, string? anchor = null, string? tooltip = null)
    {
        var anchorAttribute = anchor is null ? "" : $" text-anchor=\"{anchor}\"";
        var title = tooltip is null ? "" : $"<title>{Encoder.Encode(tooltip)}</title>";
        return new HtmlString(
            $"<text class=\"{Encoder.Encode(cssClass)}\" x=\"{Number(x)}\" y=\"{Number(y)}\"{anchorAttribute}>{Encoder.Encode(content)}{title}</text>");
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
