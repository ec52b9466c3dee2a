namespace Manuals.Web.Features.Templates;

/// <summary>One template: its sections, its skeleton rendered, how many manuals follow it, and what the viewer may do.</summary>
/// <param name="Choice">The template and its sections.</param>
/// <param name="SkeletonHtml">The skeleton rendered as a manual would be.</param>
/// <param name="ManualCount">How many manuals follow the template.</param>
/// <param name="CanUse">The viewer writes manuals: 「このテンプレートでマニュアルを作成」 and 「複製して作成」.</param>
/// <param name="CanChange">The viewer may edit, retire and restore this template (<see cref="Core.Templates.TemplateAccessPolicy.CanChange"/>).</param>
public sealed record TemplatePage(TemplateChoice Choice, string SkeletonHtml, int ManualCount, bool CanUse, bool CanChange);
