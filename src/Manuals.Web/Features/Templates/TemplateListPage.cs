using Manuals.Core.Templates;

namespace Manuals.Web.Features.Templates;

/// <summary>All templates, active ones first; <paramref name="CanEdit"/> shows the writers' buttons.</summary>
public sealed record TemplateListPage(IReadOnlyList<StepTemplate> Templates, bool CanEdit);
