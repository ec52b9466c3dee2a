using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// The editor's live preview: Markdown in, the same sanitised HTML a manual page shows out, as <c>{"html": "…"}</c>.
/// The form's 「プレビュー」 button stays the path without JavaScript; this endpoint serves the editor script.
/// </summary>
[Route("manuals/preview")]
[Authorize(Policy = Policies.Writer)]
public sealed class PreviewController(MarkdownHtml html, IStringLocalizer<SharedResource> l) : ControllerBase
{
    /// <summary>Renders <paramref name="markdown"/>; over the body limit, or unreadable, answers 400 with <c>{"error": "…"}</c>.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Render([FromForm(Name = "markdown")] string? markdown, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(new { error = l["Manuals.Preview.Unreadable"].Value });
        }

        markdown ??= "";
        if (markdown.Length > ManualLimits.BodyMaxLength)
        {
            return BadRequest(new { error = l["Validation.BodyTooLong"].Value });
        }

        if (MarkdownLimits.IsTooDeeplyNested(markdown))
        {
            return BadRequest(new { error = l["Validation.NestingTooDeep", MarkdownLimits.NestingGuide].Value });
        }

        return Ok(new { html = await html.RenderAsync(markdown, cancellationToken) });
    }
}
