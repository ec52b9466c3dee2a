using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Manuals.Core.Search;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// The fields of a manual's Lucene document. Text fields are analysed by <see cref="ManualsAnalyzer"/> and weigh
/// differently (<see cref="Boosts"/>); the others are exact values for the access policy and the filters, and doc
/// values for sorting and the filter choices.
/// </summary>
public static class LuceneFields
{
    /// <summary>The manual id as an exact term: the key documents are replaced and deleted by.</summary>
    public const string Id = "id";

    public const string Title = "title";
    public const string Tags = "tags";
    public const string Headings = "headings";

    /// <summary>The names of the business tasks the manual is linked to (業務名).</summary>
    public const string Tasks = "tasks";
    public const string Body = "body";

    /// <summary>Each tag as an exact value (filter) and a sorted-set doc value (filter choices).</summary>
    public const string Tag = "tag";

    public const string Template = "template";
    public const string Department = "department";
    public const string Visibility = "visibility";
    public const string Status = "status";
    public const string Owner = "owner";

    /// <summary>Last update, UTC ticks: a numeric field for date filters and a doc value for sorting.</summary>
    public const string Updated = "updated";

    /// <summary>The id and revision as doc values: sorting ties, and telling which revision the index holds.</summary>
    public const string IdValue = "id_value";

    public const string Revision = "revision";

    /// <summary>The text fields and their weights: title most, then tags, task names, headings, body.</summary>
    public static IReadOnlyList<(string Field, float Boost)> Boosts { get; } =
        [(Title, 10f), (Tags, 4f), (Tasks, 3f), (Headings, 2f), (Body, 1f)];

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static Document Document(IndexedManual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        var text = SearchDocument.Create(manual.Title, manual.Tags, manual.Markdown);
        var document = new Document
        {
            new StringField(Id, Key(manual.Id), Field.Store.YES),
            new NumericDocValuesField(IdValue, manual.Id),
            new NumericDocValuesField(Revision, manual.Revision),
            new TextField(Title, text.Title, Field.Store.YES),
            new TextField(Body, text.Body, Field.Store.NO),
            new StringField(Department, Key(manual.DepartmentId), Field.Store.NO),
            new StringField(Visibility, manual.Visibility.ToString(), Field.Store.NO),
            new StringField(Status, manual.Status.ToString(), Field.Store.NO),
            new Int64Field(Updated, manual.UpdatedAt.UtcTicks, Field.Store.NO),
            new NumericDocValuesField(Updated, manual.UpdatedAt.UtcTicks),
        };
        foreach (var tag in text.Tags)
        {
            document.Add(new TextField(Tags, tag, Field.Store.NO));
            document.Add(new StringField(Tag, tag, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(Tag, new BytesRef(tag)));
        }

        foreach (var task in manual.Tasks)
        {
            document.Add(new TextField(Tasks, task, Field.Store.NO));
        }

        foreach (var heading in text.Headings)
        {
            document.Add(new TextField(Headings, heading, Field.Store.NO));
        }

        if (!string.IsNullOrEmpty(manual.Template))
        {
            document.Add(new StringField(Template, manual.Template, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(Template, new BytesRef(manual.Template)));
        }

        if (manual.OwnerId is { } owner)
        {
            document.Add(new StringField(Owner, Key(owner), Field.Store.NO));
        }

        return document;
    }
}
