using Manuals.Core.Templates;

namespace Manuals.Web.Features.Templates;

/// <summary>A template with its sections, as the chooser and the template page preview it.</summary>
public sealed record TemplateChoice(StepTemplate Template, IReadOnlyList<TemplateSection> Sections);
