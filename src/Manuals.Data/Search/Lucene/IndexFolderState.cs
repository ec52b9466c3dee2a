namespace Manuals.Data.Search.Lucene;

/// <summary>
/// What <see cref="LuceneIndex.Inspect"/> found in a node's index folder.
/// </summary>
/// <param name="Path">The folder.</param>
/// <param name="Exists">Whether the folder exists (a node creates it at its first start).</param>
/// <param name="InUse">Whether a running process holds it.</param>
/// <param name="CurrentGeneration">The generation <c>current</c> names, when that folder exists.</param>
/// <param name="OtherGenerations">Generation folders <c>current</c> does not name.</param>
/// <param name="CommitData">The last commit's user data of the current generation (schema, journal watermark).</param>
/// <param name="Documents">Manuals in the current generation, when it holds a committed index.</param>
public sealed record IndexFolderState(
    string Path,
    bool Exists,
    bool InUse,
    string? CurrentGeneration,
    IReadOnlyList<string> OtherGenerations,
    IReadOnlyDictionary<string, string> CommitData,
    int? Documents);
