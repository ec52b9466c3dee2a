using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Manuals;

/// <summary>Builds the step-by-step pages: reads the manual, asks the access policy, renders its steps.</summary>
public sealed class StepPages(IManualStore manuals, MarkdownHtml html)
{
    /// <summary>
    /// Step <paramref name="number"/> (from 1), or, when it is null, the first step — or no step at all when the manual
    /// has none, so the page can say so. An unknown manual or a number outside the steps is not found.
    /// </summary>
    public async Task<Lookup<StepPage>> StepAsync(Viewer viewer, long id, int? number, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(viewer, id, cancellationToken);
        if (found.Value is not { } page)
        {
            return found;
        }

        if (number is null)
        {
            return Lookups.Found(page with { Current = page.Count > 0 ? page.Steps[0] : null });
        }

        return number >= 1 && number <= page.Count
            ? Lookups.Found(page with { Current = page.Steps[number.Value - 1] })
            : Lookups.NotFound<StepPage>();
    }

    /// <summary>The page after the last step (no current step); not found for a manual without steps.</summary>
    public async Task<Lookup<StepPage>> CompleteAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(viewer, id, cancellationToken);
        return found.Value is { Count: 0 } ? Lookups.NotFound<StepPage>() : found;
    }

    private async Task<Lookup<StepPage>> LoadAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var manual = await manuals.FindAsync(id, cancellationToken);
        if (manual is null)
        {
            return Lookups.NotFound<StepPage>();
        }

        // Checked before anything about the steps, so someone who may not read the manual learns nothing of them.
        if (!ManualAccessPolicy.CanRead(viewer, manual))
        {
            return Lookups.Forbidden<StepPage>();
        }

        var before = ManualSections.Parse(manual.Body).FirstOrDefault(IsPrerequisites);
        var prerequisites = before is null || string.IsNullOrWhiteSpace(before.Content)
            ? null
            : new StepPrerequisites(before.Heading, await html.RenderAsync(before.Content, cancellationToken));
        return Lookups.Found(new StepPage(manual, await html.RenderStepsAsync(manual.Body, cancellationToken), null, prerequisites));
    }

    /// <summary>The section that says who does the work and what must be ready: 「対象・前提」, 「前提条件」, 「対象者」 ….</summary>
    private static bool IsPrerequisites(ManualSection section) =>
        section.Key.StartsWith("対象", StringComparison.Ordinal) || section.Key.Contains("前提", StringComparison.Ordinal);
}
