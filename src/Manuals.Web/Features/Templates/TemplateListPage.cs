using Manuals.Core.Templates;

namespace Manuals.Web.Features.Templates;

/// <summary>All templates, active ones first; <paramref name="CanCreate"/> shows the writers' buttons (create, choose).</summary>
public sealed record TemplateListPage(IReadOnlyList<StepTemplate> Templates, bool CanCreate);
