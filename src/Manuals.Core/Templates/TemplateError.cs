namespace Manuals.Core.Templates;

/// <summary>
/// A rule a template draft broke. <paramref name="Code"/> names the rule; the web layer turns it into a message in
/// the user's language, naming <paramref name="Detail"/> (a section or a name) when there is one.
/// </summary>
/// <param name="Field">The input field: <c>Name</c>, <c>Description</c>, <c>Body</c> or <c>RequiredSections</c>.</param>
/// <param name="Code">The rule's name, e.g. <c>RequiredSectionUnknown</c>.</param>
/// <param name="Detail">The section or name the rule is about, if any.</param>
public sealed record TemplateError(string Field, string Code, string? Detail = null);
