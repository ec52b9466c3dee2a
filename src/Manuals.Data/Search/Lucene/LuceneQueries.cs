using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// Parsed queries (<see cref="SearchQuery"/>: clauses of analysed phrases), the access policy and the filters as Lucene
/// queries. Nothing the user typed reaches Lucene except as analysed tokens, each an exact term.
/// </summary>
public static class LuceneQueries
{
    /// <summary>Added to the score of a manual whose title holds one of the query's phrases, so those come first.</summary>
    public const float TitleBonus = 10_000f;

    /// <summary>BM25's k1 (Lucene's default, which the index uses): a term's score is below idf × boost × (k1 + 1).</summary>
    private const float Bm25K1 = 1.2f;

    /// <summary>
    /// Added to a partial match's score for each clause it holds (<see cref="SearchQuery.IsPartial"/>): far above the
    /// title bonus and any BM25 score, so the manuals holding the most words come first, those holding all of them before
    /// any other. Sixteen clauses stay well inside a float's exact range.
    /// </summary>
    public const float ClauseBonus = 100_000f;

    /// <summary>Index terms a prefix inside a phrase stands for at most (a one-character prefix is a term query of its own).</summary>
    private const int MaxPrefixTerms = 512;

    /// <summary>
    /// Every clause in some text field (at least one when the query <see cref="SearchQuery.IsPartial"/>), no exclusion
    /// anywhere, scored by BM25 (<see cref="WithTitleBonus"/> adds the title bonus). A query without clauses matches every
    /// manual (a list by filters alone).
    /// </summary>
    public static BooleanQuery Match(SearchQuery query, IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = new BooleanQuery(disableCoord: true);
        if (query.Clauses.Count == 0)
        {
            match.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        foreach (var clause in query.Clauses)
        {
            var any = AnyField(clause.Alternatives, reader);
            if (query.IsPartial)
            {
                // Either way the clause's own BM25 score counts; holding it adds ClauseBonus.
                var held = new BooleanQuery(disableCoord: true)
                {
                    { any, Occur.MUST },
                    { new ConstantScoreQuery(any) { Boost = ClauseBonus }, Occur.MUST },
                };
                match.Add(held, Occur.SHOULD);
            }
            else
            {
                match.Add(any, Occur.MUST);
            }
        }

        foreach (var exclusion in query.Exclusions)
        {
            match.Add(AnyField(exclusion.Alternatives, reader), Occur.MUST_NOT);
        }

        return match;
    }

    /// <summary>
    /// <paramref name="match"/>, where a manual that <paramref name="titleMatch"/> (<see cref="TitleMatch"/>) finds scores
    /// <see cref="TitleBonus"/> more, so those come first.
    /// </summary>
    public static Query WithTitleBonus(Query match, Query titleMatch) =>
        new BooleanQuery(disableCoord: true)
        {
            { match, Occur.MUST },
            { new ConstantScoreQuery(titleMatch) { Boost = TitleBonus }, Occur.SHOULD },
        };

    /// <summary>Manuals whose title holds one of the query's phrases (suggestions; exclusions ignored).</summary>
    public static Query TitleMatch(SearchQuery query, IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(query);
        return InField(LuceneFields.Title, query.HighlightPhrases, reader);
    }

    /// <summary>
    /// <see cref="ManualAccessPolicy.CanRead(Viewer, long, ManualVisibility, long?, ManualStatus)"/> as a query: 全社公開
    /// to everyone; 部署限定 to Admins, the owner and members of the manual's department; a 下書き only to those who may edit
    /// it (Admins, and Editors who own it or belong to its department). A test holds the two in step.
    /// </summary>
    public static Query Readable(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsAdmin)
        {
            return new MatchAllDocsQuery();
        }

        var visible = OwnOrDepartment(viewer);
        visible.Add(Term(LuceneFields.Visibility, nameof(ManualVisibility.Company)), Occur.SHOULD);

        var notDraft = new BooleanQuery
        {
            { new MatchAllDocsQuery(), Occur.MUST },
            { Term(LuceneFields.Status, nameof(ManualStatus.Draft)), Occur.MUST_NOT },
        };
        var readable = new BooleanQuery { { visible, Occur.MUST } };
        if (viewer.IsWriter)
        {
            var editable = OwnOrDepartment(viewer);
            editable.Add(notDraft, Occur.SHOULD);
            readable.Add(editable, Occur.MUST);
        }
        else
        {
            readable.Add(notDraft, Occur.MUST);
        }

        return readable;
    }

    /// <summary>
    /// An upper bound of the relevance (BM25) part of any manual's score for <paramref name="query"/> as built here, on an
    /// index of <paramref name="documents"/> manuals, the title bonus left out: every term at most idf(df = 0) × (k1 + 1) times
    /// its boosts, constant-score parts their boost. Below <see cref="TitleBonus"/> for all but very long queries.
    /// </summary>
    public static double MaxRelevance(Query query, int documents)
    {
        ArgumentNullException.ThrowIfNull(query);
        var perTerm = Math.Log(1 + ((documents + 0.5) / 0.5)) * (Bm25K1 + 1);
        return Bound(query);

        double Bound(Query q) => q switch
        {
            // The title bonus is what this bound is compared with; every other constant-score part scores its boost.
            ConstantScoreQuery c => c.Boost == TitleBonus ? 0 : c.Boost,
            BooleanQuery b => b.Boost * b.Clauses.Where(c => c.Occur != Occur.MUST_NOT).Sum(c => Bound(c.Query)),
            TermQuery t => t.Boost * perTerm,
            PhraseQuery p => p.Boost * p.GetTerms().Length * perTerm,
            MultiPhraseQuery m => m.Boost * m.GetTermArrays().Sum(terms => terms.Length) * perTerm,
            MatchAllDocsQuery or PrefixQuery or NumericRangeQuery<long> => q.Boost,
            _ => double.PositiveInfinity,
        };
    }

    /// <summary>The filters as one query, or null when there are none.</summary>
    public static Query? Filters(SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var all = new BooleanQuery();
        if (filters.DepartmentId is { } department)
        {
            all.Add(Term(LuceneFields.Department, LuceneFields.Key(department)), Occur.MUST);
        }

        if (filters.Status is { } status)
        {
            all.Add(Term(LuceneFields.Status, status.ToString()), Occur.MUST);
        }

        if (!string.IsNullOrEmpty(filters.Template))
        {
            all.Add(Term(LuceneFields.Template, filters.Template), Occur.MUST);
        }

        if (!string.IsNullOrEmpty(filters.Tag))
        {
            all.Add(Term(LuceneFields.Tag, filters.Tag), Occur.MUST);
        }

        if (filters.UpdatedFrom is not null || filters.UpdatedBefore is not null)
        {
            all.Add(
                NumericRangeQuery.NewInt64Range(
                    LuceneFields.Updated, filters.UpdatedFrom?.UtcTicks, filters.UpdatedBefore?.UtcTicks, minInclusive: true, maxInclusive: false),
                Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>Any of the alternatives in any text field, each field with its weight.</summary>
    private static BooleanQuery AnyField(IReadOnlyList<SearchPhrase> alternatives, IndexReader reader)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in LuceneFields.Boosts)
        {
            foreach (var phrase in alternatives)
            {
                var query = Phrase(field, phrase, reader);
                query.Boost = boost;
                any.Add(query, Occur.SHOULD);
            }
        }

        return any;
    }

    private static BooleanQuery InField(string field, IReadOnlyList<SearchPhrase> phrases, IndexReader reader)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var phrase in phrases)
        {
            any.Add(Phrase(field, phrase, reader), Occur.SHOULD);
        }

        return any;
    }

    /// <summary>The phrase's tokens at adjacent positions; a prefix phrase's last token stands for the index terms it starts.</summary>
    private static Query Phrase(string field, SearchPhrase phrase, IndexReader reader)
    {
        var tokens = phrase.Tokens;
        if (tokens.Count == 1)
        {
            return phrase.IsPrefix ? new PrefixQuery(new Term(field, tokens[0])) : new TermQuery(new Term(field, tokens[0]));
        }

        if (!phrase.IsPrefix)
        {
            var exact = new PhraseQuery();
            for (var i = 0; i < tokens.Count; i++)
            {
                exact.Add(new Term(field, tokens[i]), i);
            }

            return exact;
        }

        var expansions = TermsStartingWith(reader, field, tokens[^1]);
        if (expansions.Length == 0)
        {
            return new BooleanQuery();
        }

        var prefixed = new MultiPhraseQuery();
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            prefixed.Add([new Term(field, tokens[i])], i);
        }

        prefixed.Add(expansions, tokens.Count - 1);
        return prefixed;
    }

    private static Term[] TermsStartingWith(IndexReader reader, string field, string prefix)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return [];
        }

        var start = new BytesRef(prefix);
        var found = new List<Term>();
        var e = terms.GetEnumerator();
        if (e.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            if (!StringHelper.StartsWith(e.Term, start))
            {
                break;
            }

            found.Add(new Term(field, BytesRef.DeepCopyOf(e.Term)));
        }
        while (found.Count < MaxPrefixTerms && e.MoveNext());

        return found.ToArray();
    }

    /// <summary>The viewer owns it or belongs to its department (SHOULD clauses, to add to).</summary>
    private static BooleanQuery OwnOrDepartment(Viewer viewer)
    {
        var query = new BooleanQuery { { Term(LuceneFields.Owner, LuceneFields.Key(viewer.UserId)), Occur.SHOULD } };
        foreach (var department in viewer.DepartmentIds)
        {
            query.Add(Term(LuceneFields.Department, LuceneFields.Key(department)), Occur.SHOULD);
        }

        return query;
    }

    private static TermQuery Term(string field, string value) => new(new Term(field, value));
}
