namespace Manuals.Core.Common;

/// <summary>
/// A rule an input broke. <paramref name="Code"/> names the rule (e.g. <c>TitleTooLong</c>); the web layer turns it
/// into a message in the user's language, so Core stays free of UI text.
/// </summary>
/// <param name="Field">The input field, e.g. <c>Title</c>.</param>
/// <param name="Code">The rule's name.</param>
public sealed record ValidationError(string Field, string Code);
