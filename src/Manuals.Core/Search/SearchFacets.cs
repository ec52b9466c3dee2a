namespace Manuals.Core.Search;

/// <summary>The filter choices a viewer is offered, taken only from manuals they may read.</summary>
public sealed record SearchFacets(IReadOnlyList<string> Tags, IReadOnlyList<string> Templates);
