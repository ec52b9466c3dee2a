namespace Manuals.Core.Common;

/// <summary>
/// A rule an input broke. <paramref name="Code"/> names the rule (e.g. <c>TitleTooLong</c>); the web layer turns it
/// into a message in the user's language, so Core stays free of UI text.
/// </summary>
/// <param name="Field">The input field, e.g. <c>Title</c>.</param>
/// <param name="Code">The rule's name.</param>
/// <param name="Detail">Data the message names, e.g. the empty required sections 「目的、手順」.</param>
public sealed record ValidationError(string Field, string Code, string Detail = "");
