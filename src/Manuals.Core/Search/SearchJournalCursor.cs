namespace Manuals.Core.Search;

/// <summary>
/// How far one index has applied the search journal, safe against gaps. On PostgreSQL a sequence is allocated when a
/// row is written but becomes visible when its transaction commits, so 7 may be read before 6 commits, and a rolled-back
/// transaction leaves 6 missing for good. The cursor remembers each missing sequence (a gap) from the moment a higher
/// one is read; a gap closes when its row shows up, or is abandoned <see cref="GapTimeout"/> after it was first seen,
/// a time longer than any transaction lasts.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Watermark"/> is the sequence up to which every row is applied: just below the oldest open gap. Persist
/// it with the index and report it (<see cref="ISearchJournal.RecordProgressAsync"/>); after a restart a new cursor
/// starts from it and rows above it are read and applied again, which is harmless because applying a row re-reads the
/// manual's current state. <see cref="Position"/> is the highest sequence accepted.
/// </para>
/// <para>
/// The indexer reads new rows after <see cref="Position"/>; while <see cref="HasOpenGaps"/>, it also reads after
/// <see cref="Watermark"/> to find rows that filled a gap (rows accepted before are not returned again). Pass every
/// read to <see cref="Accept"/> and apply what it returns; if applying fails, discard the cursor and start a new one
/// from the last persisted watermark. Not thread-safe: one indexer loop owns it.
/// </para>
/// </remarks>
public sealed class SearchJournalCursor
{
    /// <summary>How long a gap stays open by default: longer than any transaction that writes the journal.</summary>
    public static readonly TimeSpan DefaultGapTimeout = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time;

    // Open gaps in sequence order, each a run of missing sequences and when it was first seen. A gap is only ever
    // opened above Position, so later gaps have higher sequences and times: the abandoned ones are a prefix.
    private readonly List<Gap> _gaps = [];

    /// <summary>Starts from <paramref name="watermark"/>: every row up to it is applied (0 for an empty index).</summary>
    public SearchJournalCursor(long watermark, TimeProvider time, TimeSpan? gapTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(watermark);
        ArgumentNullException.ThrowIfNull(time);
        var timeout = gapTimeout ?? DefaultGapTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(gapTimeout));
        Position = watermark;
        GapTimeout = timeout;
        _time = time;
    }

    /// <summary>How long a missing sequence is waited for before it is taken to be a rolled-back transaction.</summary>
    public TimeSpan GapTimeout { get; }

    /// <summary>The highest sequence accepted so far: read new rows after it.</summary>
    public long Position { get; private set; }

    /// <summary>Every row up to this sequence is applied (or was abandoned as never committed): persist and report this.</summary>
    public long Watermark
    {
        get
        {
            var now = _time.GetUtcNow();
            foreach (var gap in _gaps)
            {
                if (!IsAbandoned(gap, now))
                {
                    return gap.First - 1;
                }
            }

            return Position;
        }
    }

    /// <summary>Whether some sequence below <see cref="Position"/> is still awaited.</summary>
    public bool HasOpenGaps => Watermark < Position;

    /// <summary>
    /// Takes rows read from the journal (in any order, read after <see cref="Position"/> or after
    /// <see cref="Watermark"/>) and returns, ascending, those not accepted before: rows above <see cref="Position"/>
    /// (the sequences skipped on the way become gaps) and rows that fill a gap. Abandons gaps older than
    /// <see cref="GapTimeout"/>.
    /// </summary>
    public IReadOnlyList<SearchJournalEntry> Accept(IEnumerable<SearchJournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var now = _time.GetUtcNow();
        _gaps.RemoveAll(gap => IsAbandoned(gap, now));
        var accepted = new List<SearchJournalEntry>();
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            var sequence = entry.Sequence;
            if (sequence > Position)
            {
                if (sequence > Position + 1)
                {
                    _gaps.Add(new Gap(Position + 1, sequence - 1, now));
                }

                Position = sequence;
                accepted.Add(entry);
            }
            else if (TryFill(sequence))
            {
                accepted.Add(entry);
            }
        }

        return accepted;
    }

    /// <summary>
    /// Whether the row <paramref name="sequence"/> is applied (or abandoned): a request that wrote it can wait for
    /// this rather than for <see cref="Watermark"/>, which an older open gap may hold back.
    /// </summary>
    public bool Covers(long sequence)
    {
        if (sequence > Position)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        return !_gaps.Exists(gap => gap.First <= sequence && sequence <= gap.Last && !IsAbandoned(gap, now));
    }

    /// <summary>
    /// How many rows above <paramref name="afterSequence"/>, up to <see cref="Position"/>, this cursor has accepted: every
    /// sequence in that range that is not in a gap. Pass the cursor's <see cref="Watermark"/> (read after the last
    /// <see cref="Accept"/>): the journal then holds exactly this many rows in the range until one commits into a gap, so a count of the range that comes out higher says a
    /// row has filled a gap (a late commit the indexer has yet to apply).
    /// </summary>
    public long CountAccepted(long afterSequence)
    {
        if (afterSequence >= Position)
        {
            return 0;
        }

        var missing = 0L;
        foreach (var gap in _gaps)
        {
            // Gaps lie at or below Position; abandoned ones count as missing too: their rows were never accepted.
            var first = Math.Max(gap.First, afterSequence + 1);
            if (first <= gap.Last)
            {
                missing += gap.Last - first + 1;
            }
        }

        return Position - afterSequence - missing;
    }

    private bool IsAbandoned(Gap gap, DateTimeOffset now) => now - gap.SeenAt >= GapTimeout;

    /// <summary>Removes <paramref name="sequence"/> from the gap holding it, splitting the gap when it lies inside.</summary>
    private bool TryFill(long sequence)
    {
        var index = _gaps.FindIndex(gap => gap.First <= sequence && sequence <= gap.Last);
        if (index < 0)
        {
            return false;
        }

        var gap = _gaps[index];
        _gaps.RemoveAt(index);
        if (sequence < gap.Last)
        {
            _gaps.Insert(index, gap with { First = sequence + 1 });
        }

        if (sequence > gap.First)
        {
            _gaps.Insert(index, gap with { Last = sequence - 1 });
        }

        return true;
    }

    private readonly record struct Gap(long First, long Last, DateTimeOffset SeenAt);
}
