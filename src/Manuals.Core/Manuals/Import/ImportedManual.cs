namespace Manuals.Core.Manuals.Import;

/// <summary>A file that became a manual.</summary>
public sealed record ImportedManual(string FileName, long ManualId, string Title);
