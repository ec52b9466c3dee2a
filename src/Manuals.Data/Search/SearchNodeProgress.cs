namespace Manuals.Data.Search;

/// <summary>One web node's row in <c>search_nodes</c>: the journal sequence its index has applied, and when it said so.</summary>
public sealed record SearchNodeProgress(string NodeId, long AppliedSequence, DateTimeOffset SeenAt);
