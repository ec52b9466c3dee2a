namespace Manuals.Core.Templates;

/// <summary>A level-2 section of a Markdown body.</summary>
/// <param name="Heading">The heading's text as written, without the <c>##</c> and without inline markup.</param>
/// <param name="Key">The heading normalised for matching (<see cref="ManualSections.NormalizeHeading"/>).</param>
/// <param name="Content">The Markdown between this heading and the next level-1 or level-2 heading, as written.</param>
public sealed record ManualSection(string Heading, string Key, string Content);
