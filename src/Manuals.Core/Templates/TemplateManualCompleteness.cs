using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Core.Templates;

/// <summary>
/// Coverage's view of completeness: which published manuals leave a required section of their step template empty.
/// Templates are read once per call; a manual whose template name no template has counts as complete.
/// </summary>
public sealed class TemplateManualCompleteness(IManualStore manuals, ITemplateStore templates) : IManualCompleteness
{
    public async Task<IReadOnlySet<long>> FindIncompleteAsync(IReadOnlyCollection<long> manualIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manualIds);
        var byName = (await templates.ListAsync(includeRetired: true, cancellationToken))
            .GroupBy(t => TemplateNames.Key(t.Name))
            .ToDictionary(g => g.Key, g => g.First());
        var incomplete = new HashSet<long>();
        foreach (var id in manualIds)
        {
            // One read per manual: fine for the task-linked manuals coverage looks at; a bulk read is the next step
            // if coverage ever has to judge tens of thousands of manuals at once.
            var manual = await manuals.FindAsync(id, cancellationToken);
            if (manual is not { Status: ManualStatus.Published, Template: { } name }
                || !byName.TryGetValue(TemplateNames.Key(name), out var template))
            {
                continue;
            }

            if (!TemplateCompleteness.Check(template, manual.Body).IsComplete)
            {
                incomplete.Add(id);
            }
        }

        return incomplete;
    }
}
