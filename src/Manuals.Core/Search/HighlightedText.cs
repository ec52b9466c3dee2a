namespace Manuals.Core.Search;

/// <summary>Original text cut into plain and matching pieces (a title, or a snippet of a manual's text).</summary>
/// <param name="Segments">The pieces in order.</param>
/// <param name="StartsMidText">Text before the first piece was left out (show …).</param>
/// <param name="EndsMidText">Text after the last piece was left out (show …).</param>
public sealed record HighlightedText(IReadOnlyList<HighlightSegment> Segments, bool StartsMidText, bool EndsMidText)
{
    public static HighlightedText Empty { get; } = new([], false, false);

    /// <summary>The text without marks (and without ellipses).</summary>
    public string PlainText => string.Concat(Segments.Select(s => s.Text));

    /// <summary>True when some piece matched.</summary>
    public bool HasMatch => Segments.Any(s => s.IsMatch);
}
