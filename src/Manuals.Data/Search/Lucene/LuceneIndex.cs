using System.Globalization;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// This node's Lucene index folder. It holds a lock file of our own, held exclusively while open (Lucene.Net's native
/// lock does not keep a second process out on Linux), a file <c>current</c> naming the generation in use, and the
/// generations themselves (<see cref="LuceneGeneration"/>, folders <c>generation-000001</c>…). Searches and the
/// indexer's writes go to the generation in use; a rebuild fills a new one beside it and <see cref="SwapIn"/> puts it
/// in place, so searches never see a half-built index. A generation that is not current (left by a rebuild that
/// crashed, or by one that was swapped out) is deleted when the folder is opened.
/// </summary>
public sealed class LuceneIndex : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const string LockFileName = "manuals-index.lock";
    private const string CurrentFileName = "current";
    private const string GenerationPrefix = "generation-";

    private readonly FileStream _lock;
    private readonly ReaderWriterLockSlim _swap = new();
    private LuceneGeneration _live;

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
            throw new SearchIndexInUseException(path, ex);
        }

        Path = path;
        try
        {
            _live = LuceneGeneration.Open(System.IO.Path.Combine(path, CurrentName() ?? GenerationName(1)));
            WriteCurrent(_live.Name);
            RemoveOtherGenerations();
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>The user data of the last commit of the generation in use (empty for a new index).</summary>
    public IDictionary<string, string> CommitData => WithLive(live => live.CommitData);

    /// <inheritdoc cref="LuceneGeneration.Apply"/>
    public void Apply(IEnumerable<IndexedManual> upserts, IEnumerable<long> deletes) =>
        WithLive(live =>
        {
            live.Apply(upserts, deletes);
            return true;
        });

    /// <inheritdoc cref="LuceneGeneration.Refresh"/>
    public void Refresh() =>
        WithLive(live =>
        {
            live.Refresh();
            return true;
        });

    /// <inheritdoc cref="LuceneGeneration.Commit"/>
    public void Commit(IDictionary<string, string> data) =>
        WithLive(live =>
        {
            live.Commit(data);
            return true;
        });

    /// <inheritdoc cref="LuceneGeneration.Read"/>
    public T Read<T>(Func<IndexSearcher, T> read) => WithLive(live => live.Read(read));

    /// <summary>A new, empty generation beside the one in use, for a rebuild to fill.</summary>
    public LuceneGeneration CreateGeneration()
    {
        var next = GenerationNumbers().DefaultIfEmpty(0).Max() + 1;
        var path = System.IO.Path.Combine(Path, GenerationName(next));
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }

        return LuceneGeneration.Open(path);
    }

    /// <summary>
    /// Makes <paramref name="next"/> (committed) the generation in use: recorded in <c>current</c> first, so a crash
    /// from here on opens it, then swapped in once running searches are done; the old generation is deleted.
    /// </summary>
    public void SwapIn(LuceneGeneration next)
    {
        ArgumentNullException.ThrowIfNull(next);
        WriteCurrent(next.Name);
        LuceneGeneration old;
        _swap.EnterWriteLock();
        try
        {
            old = _live;
            _live = next;
        }
        finally
        {
            _swap.ExitWriteLock();
        }

        old.Discard();
    }

    /// <summary>
    /// What an index folder holds, read without opening it for writing, so it works while a node runs on it (the command
    /// line's <c>check</c>): whether a process holds it, the generation in use with its commit data and documents, and any
    /// other generation folders (a rebuild under way when the folder is in use; otherwise left by one that was cut off).
    /// </summary>
    public static IndexFolderState Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!System.IO.Directory.Exists(path))
        {
            return new IndexFolderState(path, Exists: false, InUse: false, null, [], new Dictionary<string, string>(), null);
        }

        var current = ReadCurrent(path);
        var others = System.IO.Directory.EnumerateDirectories(path, GenerationPrefix + "*")
            .Select(d => System.IO.Path.GetFileName(d))
            .Where(name => name != current)
            .Order(StringComparer.Ordinal)
            .ToList();
        var commitData = new Dictionary<string, string>();
        int? documents = null;
        if (current is not null)
        {
            using var directory = new global::Lucene.Net.Store.NIOFSDirectory(System.IO.Path.Combine(path, current));
            if (global::Lucene.Net.Index.DirectoryReader.IndexExists(directory))
            {
                // A reader beside another process's writer is safe: it sees the last commit.
                using var reader = global::Lucene.Net.Index.DirectoryReader.Open(directory);
                foreach (var (key, value) in reader.IndexCommit.UserData)
                {
                    commitData[key] = value;
                }

                documents = reader.NumDocs;
            }
        }

        return new IndexFolderState(path, Exists: true, IsLocked(path), current, others, commitData, documents);
    }

    public void Dispose()
    {
        _live.Dispose();
        _swap.Dispose();
        _lock.Dispose();
    }

    private static string GenerationName(int number) => GenerationPrefix + number.ToString("D6", CultureInfo.InvariantCulture);

    private T WithLive<T>(Func<LuceneGeneration, T> use)
    {
        _swap.EnterReadLock();
        try
        {
            return use(_live);
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>The generation <c>current</c> names, when that folder exists.</summary>
    private string? CurrentName() => ReadCurrent(Path);

    private static string? ReadCurrent(string path)
    {
        var file = System.IO.Path.Combine(path, CurrentFileName);
        var name = File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        return name is { Length: > 0 } && name.StartsWith(GenerationPrefix, StringComparison.Ordinal)
            && System.IO.Directory.Exists(System.IO.Path.Combine(path, name))
            ? name
            : null;
    }

    /// <summary>
    /// Whether a process holds the folder's lock file. Tried by taking it for a moment: a node that starts in that
    /// instant is refused the folder, which only a command run at the same moment as a start can cause.
    /// </summary>
    private static bool IsLocked(string path)
    {
        try
        {
            using var probe = new FileStream(System.IO.Path.Combine(path, LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Replaces <c>current</c> atomically: written beside it, flushed to disk, renamed over it.</summary>
    private void WriteCurrent(string name)
    {
        var file = System.IO.Path.Combine(Path, CurrentFileName);
        var temporary = file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(name);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, file, overwrite: true);
    }

    private IEnumerable<int> GenerationNumbers() =>
        System.IO.Directory.EnumerateDirectories(Path, GenerationPrefix + "*")
            .Select(d => int.TryParse(System.IO.Path.GetFileName(d)[GenerationPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0);

    private void RemoveOtherGenerations()
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Path, GenerationPrefix + "*"))
        {
            if (System.IO.Path.GetFileName(folder) == _live.Name)
            {
                continue;
            }

            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Tried again at the next start.
            }
        }
    }
}
