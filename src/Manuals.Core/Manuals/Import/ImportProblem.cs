namespace Manuals.Core.Manuals.Import;

/// <summary>Why a file was refused. <paramref name="Code"/> is localised by the caller; <paramref name="Detail"/> is data (a line, a value).</summary>
public sealed record ImportProblem(string FileName, string Code, string Detail = "");
