using System.Globalization;
using System.Text.RegularExpressions;
using Manuals.Core.Manuals;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Manuals.Core.Images;

/// <summary>Finds the stored images a manual body refers to, so the server knows which manuals use which image.</summary>
public static partial class ImageReferences
{
    /// <summary>The path under which stored images are served: <c>/images/</c> followed by the SHA-256 in lower-case hex.</summary>
    public const string PathPrefix = "/images/";

    // Parses like MarkdownRenderer (same block and inline syntax), so links inside tables and callouts are found.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseEmphasisExtras()
        .UseCustomContainers()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>The URL of a stored image.</summary>
    /// <param name="sha256">The image's SHA-256 as 64 lower-case hexadecimal digits.</param>
    public static string UrlFor(string sha256) => PathPrefix + sha256;

    /// <summary>Whether <paramref name="value"/> is a SHA-256 written as exactly 64 lower-case hexadecimal digits.</summary>
    public static bool IsSha256(string? value) => value is not null && Sha256().IsMatch(value);

    /// <summary>
    /// The <c>srcset</c> of a stored picture: its stored smaller widths (served by <c>?w=</c>) and itself, each with its
    /// true width, so the browser's choice never changes the size the picture is shown at. <see langword="null"/> when no
    /// smaller width is stored (the picture is all there is).
    /// </summary>
    /// <param name="path">The picture's address, <c>/images/&lt;sha256&gt;</c>.</param>
    /// <param name="size">Its size and stored widths.</param>
    public static string? SourceSetFor(string path, PictureSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var widths = size.Widths.Where(w => w < size.Width).Order().ToList();
        if (widths.Count == 0)
        {
            return null;
        }

        var candidates = widths.Select(w => $"{path}?w={w.ToString(CultureInfo.InvariantCulture)} {w.ToString(CultureInfo.InvariantCulture)}w");
        return string.Join(", ", candidates.Append($"{path} {size.Width.ToString(CultureInfo.InvariantCulture)}w"));
    }

    /// <summary>
    /// The picture's hash when <paramref name="url"/> is exactly a stored picture's address (<c>/images/&lt;sha256&gt;</c>,
    /// nothing after it); otherwise <see langword="null"/>.
    /// </summary>
    public static string? Sha256Of(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var sha256 = url.StartsWith(PathPrefix, StringComparison.Ordinal) ? url[PathPrefix.Length..] : null;
        return IsSha256(sha256) ? sha256 : null;
    }

    /// <summary>
    /// The <c>sizes</c> that go with <see cref="SourceSetFor"/>: a picture is at most the width of the page's text
    /// (52rem, about 830 px) and the whole screen on a phone.
    /// </summary>
    public const string Sizes = "(max-width: 52rem) 100vw, 52rem";

    /// <summary>
    /// The SHA-256 hashes (64 lower-case hex digits) of every <c>/images/&lt;hash&gt;</c> URL in a manual body, whether
    /// used as an image or a link, absolute (<c>https://host/images/…</c>) or site-relative.
    /// </summary>
    /// <remarks>
    /// Access to an image follows the manuals that refer to it, so missing a reference could expose an image that sits
    /// only in restricted manuals. The search therefore errs towards finding too much: it takes every match in the raw
    /// text (code blocks included) and adds the URLs Markdig resolves, which catches references written with entities
    /// or percent-encoding (<c>/images/&amp;#97;…</c>, <c>/images/%61…</c>). A surplus match only ties the image to a
    /// manual it is merely mentioned in.
    /// </remarks>
    /// <param name="markdown">A manual body.</param>
    /// <returns>The distinct hashes, in no particular order; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public static IReadOnlySet<string> Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        AddMatches(hashes, markdown);
        // Text nested too deeply for Markdig (see MarkdownLimits) has only the raw-text matches above.
        var document = MarkdownLimits.TryParse(markdown, Pipeline);
        if (document is null)
        {
            return hashes;
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            AddUrl(hashes, link.Url);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            AddUrl(hashes, autolink.Url);
        }

        return hashes;
    }

    private static void AddUrl(HashSet<string> hashes, string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return;
        }

        AddMatches(hashes, url);
        if (url.Contains('%', StringComparison.Ordinal))
        {
            AddMatches(hashes, Uri.UnescapeDataString(url));
        }
    }

    private static void AddMatches(HashSet<string> hashes, string text)
    {
        foreach (Match match in Reference().Matches(text))
        {
            hashes.Add(match.Groups["sha"].Value);
        }
    }

    [GeneratedRegex("/images/(?<sha>[0-9a-f]{64})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256();
}
