using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// This node's Lucene index in one folder: one writer, searchers refreshed after each commit, and a lock file of our
/// own held exclusively while open (Lucene.Net's native lock does not keep a second process out on Linux). Commits
/// carry user data (e.g. how far the journal has been applied), read back when the index is opened again.
/// </summary>
public sealed class LuceneIndex : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const string LockFileName = "manuals-index.lock";

    private readonly FileStream _lock;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    public LuceneIndex(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        System.IO.Directory.CreateDirectory(path);
        try
        {
            _lock = new FileStream(System.IO.Path.Combine(path, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"The search index at {path} is in use by another process.", ex);
        }

        Path = path;
        _directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(Version, new ManualsAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public string Path { get; }

    /// <summary>The user data of the last commit (empty for a new index).</summary>
    public IDictionary<string, string> CommitData => _writer.CommitData ?? new Dictionary<string, string>();

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

    /// <summary>Removes every document (a rebuild in place).</summary>
    public void Clear() => _writer.DeleteAll();

    /// <summary>Makes the changes durable with <paramref name="data"/> as the commit's user data, and visible to searches.</summary>
    public void Commit(IDictionary<string, string> data)
    {
        _writer.SetCommitData(data);
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

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
        _lock.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
