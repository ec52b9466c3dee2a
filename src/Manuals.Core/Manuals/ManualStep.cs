namespace Manuals.Core.Manuals;

/// <summary>One step of a manual's 手順 section, ready to show on its own (step-by-step mode).</summary>
/// <param name="Number">Position among the steps, from 1; the manual page gives the step the anchor <c>step-{Number}</c>.</param>
/// <param name="Title">
/// Plain text (not HTML-encoded) naming the step: the bold lead (<c>**…**</c>) when the item starts with one,
/// otherwise its first sentence, shortened to <see cref="ManualSteps.TitleMaxLength"/> characters. Empty when the
/// item has no text (only an image, say).
/// </param>
/// <param name="Html">The item's content as sanitised HTML: its text, nested lists, images and callouts.</param>
/// <param name="Group">
/// For checklist-type manuals, the label the item stands under (a bold-only line or a sub-heading such as
/// 「入社日当日」) as plain text; otherwise <see langword="null"/>.
/// </param>
public sealed record ManualStep(int Number, string Title, string Html, string? Group);
