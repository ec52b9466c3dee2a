using Manuals.Core.Manuals;
using Microsoft.AspNetCore.Html;

namespace Manuals.Web.Shared;

/// <summary>
/// Writes a diff line's segments with changed runs in &lt;ins&gt; or &lt;del&gt;, with no whitespace between them:
/// Japanese has no spaces, so any whitespace a template adds would show up as a false change.
/// </summary>
public static class DiffMarkup
{
    public static IHtmlContent Segments(IEnumerable<DiffSegment> segments, string changedTag)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.IsChanged)
            {
                html.AppendHtml($"<{changedTag}>").Append(segment.Text).AppendHtml($"</{changedTag}>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }
}
