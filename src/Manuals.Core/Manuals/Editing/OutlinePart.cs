namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// One heading of a manual and the text under it, as written (<see cref="ManualOutline"/>).
/// </summary>
/// <param name="Level">1 or 2.</param>
/// <param name="Title">The heading as readers see it (no markup), trimmed: what template sections are matched by.</param>
/// <param name="HeadingText">The heading's lines as written, line ending included.</param>
/// <param name="Body">The text up to the next heading of level 1 or 2, as written.</param>
/// <param name="Steps">For the 手順 section with an ordered list: the same <paramref name="Body"/> cut around its steps.</param>
public sealed record OutlinePart(int Level, string Title, string HeadingText, string Body, OutlineSteps? Steps)
{
    public string ToMarkdown() => HeadingText + Body;
}
