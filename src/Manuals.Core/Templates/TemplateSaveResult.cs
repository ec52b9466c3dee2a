namespace Manuals.Core.Templates;

/// <summary>The result of creating or changing a template.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="TemplateId">The template's id (0 when a create did not happen).</param>
/// <param name="Errors">On <see cref="TemplateSaveOutcome.Invalid"/> and <see cref="TemplateSaveOutcome.NameTaken"/>, the rules broken.</param>
public sealed record TemplateSaveResult(TemplateSaveOutcome Outcome, long TemplateId, IReadOnlyList<TemplateError> Errors)
{
    public bool Succeeded => Outcome == TemplateSaveOutcome.Saved;

    public static TemplateSaveResult Saved(long id) => new(TemplateSaveOutcome.Saved, id, []);

    public static TemplateSaveResult Failed(TemplateSaveOutcome outcome, long id = 0) => new(outcome, id, []);

    public static TemplateSaveResult Invalid(IReadOnlyList<TemplateError> errors, long id = 0) => new(TemplateSaveOutcome.Invalid, id, errors);

    public static TemplateSaveResult NameTaken(string name, long id = 0) =>
        new(TemplateSaveOutcome.NameTaken, id, [new TemplateError(nameof(StepTemplateDraft.Name), "NameTaken", name)]);
}
