namespace Manuals.Core.Manuals;

/// <summary>
/// Merges a writer's edit with a save that came first: a field only one side changed takes that side's value, the
/// body is merged line by line from the common base, and where both changed differently the writer's value is
/// proposed and marked, so nothing of the other save is undone without the writer seeing it.
/// </summary>
public static class ManualMerger
{
    public static ManualMerge Merge(ManualContent? @base, ManualContent theirs, ManualContent mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);

        var fields = new List<FieldMerge>();
        T Pick<T>(ManualField field, Func<ManualContent, T> value, IEqualityComparer<T> comparer)
        {
            var (kind, chosen) = Decide(@base is null ? default : value(@base), @base is not null, value(theirs), value(mine), comparer);
            fields.Add(new FieldMerge(field, kind));
            return chosen;
        }

        var title = Pick(ManualField.Title, c => c.Title, StringComparer.Ordinal);
        var department = Pick(ManualField.Department, c => c.DepartmentId, EqualityComparer<long>.Default);
        var visibility = Pick(ManualField.Visibility, c => c.Visibility, EqualityComparer<ManualVisibility>.Default);
        var status = Pick(ManualField.Status, c => c.Status, EqualityComparer<ManualStatus>.Default);
        var template = Pick(ManualField.Template, c => c.Template, StringComparer.Ordinal);
        var tags = Pick(ManualField.Tags, c => c.Tags, TagsComparer.Instance);

        var body = @base is null
            ? WithoutBase(theirs.Body, mine.Body)
            : TextMerge.Merge(@base.Body, theirs.Body, mine.Body);
        fields.Add(new FieldMerge(ManualField.Body, BodyKind(@base?.Body, theirs.Body, mine.Body, body)));

        var proposal = new ManualContent(title, department, visibility, status, template, tags, body.Text);
        return new ManualMerge(@base, theirs, mine, proposal, fields, body);
    }

    private static (FieldMergeKind Kind, T Value) Decide<T>(T? @base, bool baseKnown, T theirs, T mine, IEqualityComparer<T> comparer)
    {
        if (comparer.Equals(theirs, mine))
        {
            return (baseKnown && comparer.Equals(@base!, mine) ? FieldMergeKind.Unchanged : FieldMergeKind.Same, mine);
        }

        if (!baseKnown)
        {
            return (FieldMergeKind.Conflict, mine);
        }

        if (comparer.Equals(@base!, mine))
        {
            return (FieldMergeKind.Theirs, theirs);
        }

        return comparer.Equals(@base!, theirs) ? (FieldMergeKind.Mine, mine) : (FieldMergeKind.Conflict, mine);
    }

    private static FieldMergeKind BodyKind(string? @base, string theirs, string mine, TextMergeResult merged)
    {
        if (Same(theirs, mine))
        {
            return @base is not null && Same(@base, mine) ? FieldMergeKind.Unchanged : FieldMergeKind.Same;
        }

        if (!merged.IsClean || @base is null)
        {
            return FieldMergeKind.Conflict;
        }

        if (Same(@base, mine))
        {
            return FieldMergeKind.Theirs;
        }

        return Same(@base, theirs) ? FieldMergeKind.Mine : FieldMergeKind.Merged;
    }

    /// <summary>Without a base nobody can tell who changed what: the writer's text, with the whole body as one conflict.</summary>
    private static TextMergeResult WithoutBase(string theirs, string mine) =>
        Same(theirs, mine) ? new TextMergeResult(mine, []) : new TextMergeResult(mine, [new TextMergeConflict(1, "", theirs, mine)]);

    private static bool Same(string a, string b) =>
        string.Equals(Normalize(a).TrimEnd('\n'), Normalize(b).TrimEnd('\n'), StringComparison.Ordinal);

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Tags compare as a set: a manual keeps no order of its tags (they are read back sorted).</summary>
    private sealed class TagsComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly TagsComparer Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.ToHashSet(StringComparer.Ordinal).SetEquals(y));

        public int GetHashCode(IReadOnlyList<string> obj) => obj.Count;
    }
}
