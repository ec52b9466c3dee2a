namespace Manuals.Core.Search;

/// <summary>Order of search results.</summary>
public enum SearchSort
{
    /// <summary>Best match first (title matches weigh most), then most recently updated.</summary>
    Relevance,

    /// <summary>Most recently updated first.</summary>
    Updated,
}
