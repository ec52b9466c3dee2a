namespace Manuals.Core.Search;

/// <summary>Words that mean the same thing (PC, パソコン); a query for one also finds the others.</summary>
/// <param name="Id">The row id.</param>
/// <param name="Terms">The words, as an admin typed them.</param>
public sealed record SynonymGroup(long Id, IReadOnlyList<string> Terms);
