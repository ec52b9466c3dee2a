namespace Manuals.Data.Search.Lucene;

/// <summary>Another process (usually the running web app) has this node's index folder open.</summary>
public sealed class SearchIndexInUseException(string path, Exception innerException)
    : IOException($"The search index at {path} is in use by another process.", innerException)
{
    public string Path { get; } = path;
}
