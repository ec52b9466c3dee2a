using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>Reads <see cref="ManualFacts"/> for every manual: status and review due date from the store, completeness from <see cref="IManualCompleteness"/>.</summary>
public sealed class ManualFactsReader(IManualStore manuals, IManualCompleteness completeness)
{
    public async Task<IReadOnlyDictionary<long, ManualFacts>> ReadAsync(CancellationToken cancellationToken)
    {
        var all = await manuals.ListAsync(null, cancellationToken);
        var incomplete = await completeness.FindIncompleteAsync(all.Select(m => m.Id).ToList(), cancellationToken);
        return all.ToDictionary(
            m => m.Id,
            m => new ManualFacts(m.Id, m.Status, ReviewSchedule.DueAt(m), !incomplete.Contains(m.Id)));
    }
}
