namespace Manuals.Core.Coverage;

/// <summary>
/// The version of everything coverage is computed from: tasks and their manual links, employees, matrix cells, step
/// templates and the manuals linked to a task. Every committed change to them raises it, in the same transaction as the
/// change and whatever wrote it, so a node may keep what it read while the version stays the same.
/// </summary>
public interface ICoverageVersionStore
{
    /// <summary>The current version (one small read, for every request that shows coverage).</summary>
    Task<long> ReadAsync(CancellationToken cancellationToken);
}
