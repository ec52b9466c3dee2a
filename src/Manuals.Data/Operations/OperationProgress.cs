namespace Manuals.Data.Operations;

/// <summary>
/// One step of a long operation, for a progress bar. <paramref name="Step"/>: a short stable key (<c>backup</c>,
/// <c>restore</c>, <c>verify</c>, <c>copy</c>); <paramref name="Item"/>: the table being worked on, or null;
/// <paramref name="Done"/> of <paramref name="Total"/>: rows or tables (<paramref name="Total"/> 0 = unknown).
/// </summary>
public sealed record OperationProgress(string Step, string? Item, long Done, long Total);
