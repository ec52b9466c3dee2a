using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Shared;

/// <summary>
/// Manual and template text as pages show it: callout boxes labelled in the reader's language, and each stored picture
/// with its size and the smaller widths a screen may download (read from the image store in one query per text).
/// </summary>
public sealed class MarkdownHtml(MarkdownRenderer renderer, IImageStore images, IStringLocalizer<SharedResource> l)
{
    /// <summary>The words at the top of callout boxes and the notice over unreadable text, in the reader's language.</summary>
    public CalloutLabels Labels => new(l["Callout.Note"], l["Callout.Warning"], l["Callout.Tip"], l["Markdown.Unreadable"]);

    /// <summary>The whole text as sanitised HTML (<see cref="MarkdownRenderer.ToHtml(string, CalloutLabels, IReadOnlyDictionary{string, PictureSize})"/>).</summary>
    public async Task<string> RenderAsync(string markdown, CancellationToken cancellationToken) =>
        renderer.ToHtml(markdown, Labels, await PicturesAsync(markdown, cancellationToken));

    /// <summary>The text's steps, each rendered alone (<see cref="MarkdownRenderer.RenderSteps"/>).</summary>
    public async Task<IReadOnlyList<ManualStep>> RenderStepsAsync(string markdown, CancellationToken cancellationToken) =>
        renderer.RenderSteps(markdown, Labels, await PicturesAsync(markdown, cancellationToken));

    private async Task<IReadOnlyDictionary<string, PictureSize>> PicturesAsync(string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var hashes = ImageReferences.Extract(markdown);
        return hashes.Count == 0 ? new Dictionary<string, PictureSize>() : await images.ListSizesAsync(hashes.ToList(), cancellationToken);
    }
}
