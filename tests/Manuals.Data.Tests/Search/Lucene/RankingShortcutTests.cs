using System.Globalization;
using Lucene.Net.Search;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Search.Lucene;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search.Lucene;

/// <summary>
/// By relevance, when the manuals titled with the query fill the page, the search ranks only those and counts the rest
/// up to the cap. The pages and counts must be exactly those of ranking and counting every match.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class RankingShortcutTests
{
    private static readonly Viewer Admin = new(9000, new HashSet<string> { Roles.Admin }, new HashSet<long>());

    [Fact]
    public async Task SearchAsync_ByRelevance_EveryPageAndCountAsRankingEveryMatch()
    {
        await using var db = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        var store = db.Services.GetRequiredService<IManualStore>();
        var start = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
        var random = new Random(7);
        // 30 manuals titled with 請求書, 1,100 that only mention it (some very often, so their own score is high), and
        // 25 titled with 押印 among 60 that mention it: one word fills page 1 from titles, the other does not.
        for (var i = 0; i < 1_190; i++)
        {
            var (title, body) = i switch
            {
                < 30 => ($"請求書の手順 {i}", string.Concat(Enumerable.Repeat("請求書を確認します。", 1 + random.Next(4)))),
                < 1_130 => ($"経理の手順 {i}", string.Concat(Enumerable.Repeat("請求書を確認します。", 1 + random.Next(12)))),
                < 1_155 => ($"押印の手順 {i}", "押印します。"),
                _ => ($"総務の手順 {i}", string.Concat(Enumerable.Repeat("押印します。", 1 + random.Next(8)))),
            };
            var draft = new ManualDraft(title, 1, ManualVisibility.Company, ManualStatus.Published, null, [], body, "作成");
            await store.CreateAsync(draft, new Author(null, "テスト"), null, start.AddMinutes(random.Next(5_000)), db.CancellationToken);
        }

        var index = db.Services.GetRequiredService<ISearchIndex>();
        await index.CatchUpAsync(db.CancellationToken);

        foreach (var text in new[] { "請求書", "押印", "請求書 確認" })
        {
            var query = SearchQueryParser.Parse(text, []);
            var (expectedTotal, expected) = RankEveryMatch(db, query);
            for (var offset = 0; offset < 60; offset += 20)
            {
                var page = await index.SearchAsync(query, SearchFilters.None, SearchSort.Relevance, offset, 20, Admin, db.CancellationToken);

                Assert.Equal(expected.Skip(offset).Take(20), page.Rows.Select(r => r.Id));
                Assert.Equal(Math.Min(expectedTotal, SearchLimits.MaxCount), page.Total);
                Assert.Equal(expectedTotal > SearchLimits.MaxCount, page.IsTotalCapped);
            }
        }
    }

    /// <summary>Every match ranked as the search ranks them (score, then newest, then highest id), and their number.</summary>
    private static (int Total, List<long> Ids) RankEveryMatch(TestDatabase db, SearchQuery query) =>
        db.Services.GetRequiredService<LuceneIndex>().Read(searcher =>
        {
            var sort = new Sort(
                SortField.FIELD_SCORE,
                new SortField(LuceneFields.Updated, SortFieldType.INT64, true),
                new SortField(LuceneFields.IdValue, SortFieldType.INT64, true));
            var match = LuceneQueries.WithTitleBonus(LuceneQueries.Match(query, searcher.IndexReader), LuceneQueries.TitleMatch(query, searcher.IndexReader));
            var top = searcher.Search(match, null, 100, sort, doDocScores: false, doMaxScore: false);
            return (top.TotalHits, top.ScoreDocs
                .Select(hit => long.Parse(searcher.Doc(hit.Doc).Get(LuceneFields.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
                .ToList());
        });
}
