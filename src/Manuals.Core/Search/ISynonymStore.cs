namespace Manuals.Core.Search;

/// <summary>The synonym list applied to queries (not to the index, so an edit takes effect without a rebuild).</summary>
public interface ISynonymStore
{
    /// <summary>Every synonym group.</summary>
    Task<IReadOnlyList<SynonymGroup>> ListAsync(CancellationToken cancellationToken);
}
