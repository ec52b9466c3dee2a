using System.Collections.Concurrent;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Core.Templates;

/// <summary>
/// Coverage's view of completeness: which published manuals leave a required section of their step template empty.
/// Templates are read once per call; a manual whose template name no template has counts as complete. Each verdict is
/// kept on this node by manual revision and template version (a revision's text never changes; an edited template has a
/// new <see cref="StepTemplate.UpdatedAt"/>), so only manuals saved since are read and checked again.
/// </summary>
public sealed class TemplateManualCompleteness(IManualStore manuals, ITemplateStore templates) : IManualCompleteness
{
    /// <summary>Verdicts kept at most; past it they are all dropped and judged again when asked.</summary>
    private const int MaxKept = 200_000;

    private readonly ConcurrentDictionary<(long ManualId, int Revision, long TemplateId, DateTimeOffset TemplateVersion), bool> _complete = new();

    public async Task<IReadOnlySet<long>> FindIncompleteAsync(IReadOnlyCollection<ManualSummary> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var byName = (await templates.ListAsync(includeRetired: true, cancellationToken))
            .GroupBy(t => TemplateNames.Key(t.Name))
            .ToDictionary(g => g.Key, g => g.First());
        var judged = new List<(long ManualId, StepTemplate Template, (long, int, long, DateTimeOffset) Key)>();
        foreach (var manual in candidates)
        {
            if (manual is { Status: ManualStatus.Published, Template: { } name } && byName.TryGetValue(TemplateNames.Key(name), out var template))
            {
                judged.Add((manual.Id, template, (manual.Id, manual.RevisionNumber, template.Id, template.UpdatedAt)));
            }
        }

        var unknown = judged.Where(j => !_complete.ContainsKey(j.Key)).ToList();
        if (unknown.Count > 0)
        {
            if (_complete.Count + unknown.Count > MaxKept)
            {
                _complete.Clear();
            }

            var templateOf = unknown.ToDictionary(j => j.ManualId, j => j.Template);
            foreach (var text in await manuals.ListTextsAsync(templateOf.Keys, cancellationToken))
            {
                var template = templateOf[text.Id];
                var complete = TemplateCompleteness.Check(template, text.Body).IsComplete;
                _complete[(text.Id, text.RevisionNumber, template.Id, template.UpdatedAt)] = complete;
            }
        }

        // A manual saved between the two reads is judged at its newer revision: kept, and asked for again next time.
        return judged.Where(j => _complete.TryGetValue(j.Key, out var complete) ? !complete : false).Select(j => j.ManualId).ToHashSet();
    }
}
