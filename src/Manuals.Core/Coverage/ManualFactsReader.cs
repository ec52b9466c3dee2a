using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>
/// Reads <see cref="ManualFacts"/> for every manual linked to a task (coverage judges no other): status and review due
/// date from the store, completeness from <see cref="IManualCompleteness"/>.
/// </summary>
public sealed class ManualFactsReader(IManualStore manuals, IManualCompleteness completeness)
{
    public async Task<IReadOnlyDictionary<long, ManualFacts>> ReadAsync(CancellationToken cancellationToken)
    {
        var linked = await manuals.ListLinkedToTasksAsync(cancellationToken);
        var incomplete = await completeness.FindIncompleteAsync(linked, cancellationToken);
        return linked.ToDictionary(
            m => m.Id,
            m => new ManualFacts(m.Id, m.Status, ReviewSchedule.DueAt(m), !incomplete.Contains(m.Id)));
    }
}
