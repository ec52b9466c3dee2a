namespace Manuals.Core.Coverage;

/// <summary>
/// Reports every manual as complete.
/// TODO(lead): replace this registration (CoreServiceCollectionExtensions) with an IManualCompleteness that asks the
/// step templates feature whether each manual fills every required section of its template.
/// </summary>
public sealed class UncheckedManualCompleteness : IManualCompleteness
{
    public Task<IReadOnlySet<long>> FindIncompleteAsync(IReadOnlyCollection<long> manualIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>>(new HashSet<long>());
}
