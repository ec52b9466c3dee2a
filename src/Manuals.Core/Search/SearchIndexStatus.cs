namespace Manuals.Core.Search;

/// <summary>Whether the index covers every manual.</summary>
/// <param name="Manuals">Manuals in the database.</param>
/// <param name="Indexed">Manuals whose current revision is indexed by the current analyzer.</param>
public sealed record SearchIndexStatus(int Manuals, int Indexed)
{
    /// <summary>Manuals missing from the index or indexed from an older revision or analyzer.</summary>
    public int Stale => Math.Max(0, Manuals - Indexed);
}
