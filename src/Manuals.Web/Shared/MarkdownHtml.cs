using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Shared;

/// <summary>
/// Manual and template text as pages show it: callout boxes labelled in the reader's language, and each stored picture
/// with its size and the smaller widths a screen may download (read from the image store in one query per text).
/// Each text is rendered once per language on this node and then served from <see cref="RenderCache"/>.
/// </summary>
public sealed class MarkdownHtml(MarkdownRenderer renderer, IImageStore images, IStringLocalizer<SharedResource> l, RenderCache cache)
{
    /// <summary>The words at the top of callout boxes and the notice over unreadable text, in the reader's language.</summary>
    public CalloutLabels Labels => new(l["Callout.Note"], l["Callout.Warning"], l["Callout.Tip"], l["Markdown.Unreadable"]);

    /// <summary>The whole text as sanitised HTML (<see cref="MarkdownRenderer.ToHtml(string, CalloutLabels, IReadOnlyDictionary{string, PictureSize})"/>).</summary>
    public Task<string> RenderAsync(string markdown, CancellationToken cancellationToken) =>
        cache.GetOrRenderAsync(
            "html",
            markdown,
            async () =>
            {
                var (pictures, allFound) = await PicturesAsync(markdown, cancellationToken);
                return (renderer.ToHtml(markdown, Labels, pictures), allFound);
            },
            html => html.Length);

    /// <summary>The text's steps, each rendered alone (<see cref="MarkdownRenderer.RenderSteps"/>).</summary>
    public Task<IReadOnlyList<ManualStep>> RenderStepsAsync(string markdown, CancellationToken cancellationToken) =>
        cache.GetOrRenderAsync(
            "steps",
            markdown,
            async () =>
            {
                var (pictures, allFound) = await PicturesAsync(markdown, cancellationToken);
                return (renderer.RenderSteps(markdown, Labels, pictures), allFound);
            },
            steps => steps.Sum(s => (long)s.Html.Length + s.Title.Length));

    /// <summary>
    /// The stored pictures the text shows, and whether every one was found: a stored picture never changes (its name
    /// is its hash), so only a text showing a picture not (yet) stored must not be kept rendered.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, PictureSize> Pictures, bool AllFound)> PicturesAsync(
        string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var hashes = ImageReferences.Extract(markdown);
        if (hashes.Count == 0)
        {
            return (new Dictionary<string, PictureSize>(), true);
        }

        var sizes = await images.ListSizesAsync(hashes.ToList(), cancellationToken);
        return (sizes, sizes.Count == hashes.Count);
    }
}
