namespace Manuals.Core.Search;

/// <summary>A piece of original text, marked when it matched the query. Views encode the text and wrap matches in &lt;mark&gt;.</summary>
public sealed record HighlightSegment(string Text, bool IsMatch);
