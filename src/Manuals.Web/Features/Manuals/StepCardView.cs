using Manuals.Core.Manuals.Editing;

namespace Manuals.Web.Features.Manuals;

/// <summary>One step card of the step editor (Views/_StepCard.cshtml): its field names start with <paramref name="Prefix"/>.</summary>
/// <param name="Prefix">e.g. <c>Editor.Blocks[2].Cards[0]</c>.</param>
/// <param name="Id">The prefix of the card's element ids.</param>
/// <param name="Number">The step's number as shown (1-based).</param>
/// <param name="Focus">The card's title field gets the focus when the page opens.</param>
public sealed record StepCardView(string Prefix, string Id, int Number, EditorCard Card, bool Focus);
