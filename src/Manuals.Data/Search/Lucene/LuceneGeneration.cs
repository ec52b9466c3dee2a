using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// One complete Lucene index in a folder of its own: a writer, and searchers refreshed after each commit. The node's
/// index (<see cref="LuceneIndex"/>) serves one generation; a rebuild fills the next one beside it and swaps it in.
/// Commits carry user data (how far the journal has been applied, the schema), read back when the folder is opened.
/// </summary>
public sealed class LuceneGeneration : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    private LuceneGeneration(string path)
    {
        Path = path;
        // Not FSDirectory.Open, which picks MMapDirectory on 64-bit Linux: in Lucene.Net 4.8.0-beta00017 that reads byte by
        // byte through MemoryMappedViewAccessor and registers every clone of an input in a ConditionalWeakTable, many times
        // slower than positional file reads (apache/lucenenet#1151, fixed after beta00017); the OS caches the files anyway.
        _directory = new NIOFSDirectory(path);
        var config = new IndexWriterConfig(LuceneIndex.Version, new ManualsAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            // Fewer, larger flushes while a rebuild adds every manual; a sync's few documents never come near it.
            RAMBufferSizeMB = 64,
        };
        try
        {
            _writer = new IndexWriter(_directory, config);
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        }
        catch
        {
            _writer?.Dispose();
            _directory.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>The folder's name inside the node's index folder.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The user data of the last commit (empty for a new index).</summary>
    public IDictionary<string, string> CommitData => _writer.CommitData ?? new Dictionary<string, string>();

    /// <summary>Opens the index in <paramref name="path"/>, creating the folder and an empty index when there is none.</summary>
    public static LuceneGeneration Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        return new LuceneGeneration(path);
    }

    /// <summary>Adds or replaces these manuals and removes those; visible to searches after <see cref="Commit"/>.</summary>
    public void Apply(IEnumerable<IndexedManual> upserts, IEnumerable<long> deletes)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        foreach (var manual in upserts)
        {
            _writer.UpdateDocument(new Term(LuceneFields.Id, LuceneFields.Key(manual.Id)), LuceneFields.Document(manual));
        }

        foreach (var id in deletes)
        {
            _writer.DeleteDocuments(new Term(LuceneFields.Id, LuceneFields.Key(id)));
        }
    }

    /// <summary>
    /// Adds manuals that are not in this generation yet (a rebuild filling it), analysing them on every core: the
    /// writer takes documents from several threads at once.
    /// </summary>
    public void Add(IReadOnlyList<IndexedManual> manuals)
    {
        ArgumentNullException.ThrowIfNull(manuals);
        Parallel.ForEach(
            manuals,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            manual => _writer.AddDocument(LuceneFields.Document(manual)));
    }

    /// <summary>Makes the changes durable with <paramref name="data"/> as the commit's user data, and visible to searches.</summary>
    public void Commit(IDictionary<string, string> data)
    {
        _writer.SetCommitData(data);
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Makes the changes visible to searches without making them durable (Lucene's near-real-time reader: no fsync).
    /// After a crash they are lost from the index, and applied again from the last commit's journal watermark.
    /// </summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Runs <paramref name="read"/> on a current searcher and releases it afterwards.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    /// <summary>Closes the index and deletes its folder (a generation replaced, or a rebuild that failed).</summary>
    public void Discard()
    {
        Dispose();
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removed the next time the node's index is opened.
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
