namespace Manuals.Web.Features.Templates;

/// <summary>One template: its sections, its skeleton rendered, how many manuals follow it.</summary>
public sealed record TemplatePage(TemplateChoice Choice, string SkeletonHtml, int ManualCount, bool CanEdit);
