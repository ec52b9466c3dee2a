using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>
/// Reads <see cref="ManualFacts"/> for the manuals linked to a task (coverage judges no other): status and review due
/// date from their summaries, completeness from <see cref="IManualCompleteness"/>.
/// </summary>
public sealed class ManualFactsReader(IManualCompleteness completeness)
{
    /// <param name="linked">Every manual linked to a task (<see cref="IManualStore.ListLinkedToTasksAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyDictionary<long, ManualFacts>> ReadAsync(IReadOnlyList<ManualSummary> linked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(linked);
        var incomplete = await completeness.FindIncompleteAsync(linked, cancellationToken);
        return linked.ToDictionary(
            m => m.Id,
            m => new ManualFacts(m.Id, m.Status, ReviewSchedule.DueAt(m), !incomplete.Contains(m.Id)));
    }
}
