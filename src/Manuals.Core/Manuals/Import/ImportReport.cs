namespace Manuals.Core.Manuals.Import;

/// <summary>What an import did: the manuals it created and the files it refused (each refused file wrote nothing).</summary>
public sealed record ImportReport(IReadOnlyList<ImportedManual> Imported, IReadOnlyList<ImportProblem> Refused);
