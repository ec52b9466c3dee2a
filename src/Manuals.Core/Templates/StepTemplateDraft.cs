namespace Manuals.Core.Templates;

/// <summary>What an editor submits to create or change a template.</summary>
/// <param name="Name">Unique name (at most <see cref="TemplateLimits.NameMaxLength"/> characters).</param>
/// <param name="Description">What the template is for, shown in the chooser.</param>
/// <param name="Body">The Markdown skeleton; its level-2 headings are the sections.</param>
/// <param name="RequiredSections">Headings of <paramref name="Body"/> a published manual must fill.</param>
public sealed record StepTemplateDraft(string Name, string Description, string Body, IReadOnlyList<string> RequiredSections);
