using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Accounts;
using Manuals.Data.Search.Lucene;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchIndexTests
{
    private const long Accounting = 1;
    private const long Personnel = 2;
    private const long GeneralAffairs = 3;

    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Viewer Admin = new(9000, new HashSet<string> { Roles.Admin }, new HashSet<long>());

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_EveryViewer_SeesExactlyWhatTheAccessPolicyAllowsInRowsCountsFacetsAndSuggestions(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var ownerA = await db.CreateUserAsync("owner.a");
        var ownerB = await db.CreateUserAsync("owner.b");
        var manuals = new List<(long Id, long Department, ManualVisibility Visibility, long? Owner, ManualStatus Status, string Tag)>();
        foreach (var department in new[] { Accounting, Personnel, GeneralAffairs })
        {
            foreach (var visibility in new[] { ManualVisibility.Company, ManualVisibility.Department })
            {
                foreach (var owner in new long?[] { null, ownerA, ownerB })
                {
                    // 下書き alongside 公開: a draft is for those who may edit it, whatever its visibility.
                    foreach (var status in new[] { ManualStatus.Published, ManualStatus.Draft })
                    {
                        var tag = $"tag-{manuals.Count}";
                        var id = await CreateAsync(
                            db, $"共通の手順 {manuals.Count}", "共通語を説明します。", department, visibility, status, owner, tags: [tag], template: tag);
                        manuals.Add((id, department, visibility, owner, status, tag));
                    }
                }
            }
        }

        await Index(db).CatchUpAsync(db.CancellationToken);
        Viewer[] viewers =
        [
            new(7001, Set(Roles.Reader), new HashSet<long>()),
            new(7002, Set(Roles.Reader), new HashSet<long> { Accounting }),
            new(7003, Set(Roles.Reader), new HashSet<long> { Personnel, GeneralAffairs }),
            new(7004, Set(Roles.Editor), new HashSet<long> { GeneralAffairs }),
            new(7005, Set(Roles.Admin), new HashSet<long>()),
            new(ownerA, Set(Roles.Reader), new HashSet<long>()),
            new(ownerB, Set(Roles.Editor), new HashSet<long> { Accounting }),
        ];

        foreach (var viewer in viewers)
        {
            var readable = manuals.Where(m => ManualAccessPolicy.CanRead(viewer, m.Department, m.Visibility, m.Owner, m.Status)).ToList();

            var page = await (await SavedIndexAsync(db)).SearchAsync(Query("共通語"), SearchFilters.None, SearchSort.Relevance, 0, 100, viewer, db.CancellationToken);
            var restricted = await (await SavedIndexAsync(db)).SearchAsync(
                Query("共通語"), new SearchFilters(DepartmentId: Personnel), SearchSort.Updated, 0, 100, viewer, db.CancellationToken);
            var facets = await (await SavedIndexAsync(db)).FacetsAsync(viewer, db.CancellationToken);

            Assert.Equal(readable.Select(m => m.Id).Order(), page.Rows.Select(r => r.Id).Order());
            Assert.Equal(readable.Count, page.Total);
            Assert.Equal(readable.Count(m => m.Department == Personnel), restricted.Total);
            Assert.Equal(readable.Select(m => m.Tag).Order(StringComparer.Ordinal), facets.Tags);
            Assert.Equal(readable.Select(m => m.Tag).Order(StringComparer.Ordinal), facets.Templates);
            var suggested = await (await SavedIndexAsync(db)).SuggestAsync(Query("共通の手順"), viewer, 100, db.CancellationToken);
            Assert.Equal(readable.Select(m => m.Id).Order(), suggested.Select(s => s.Id).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_AndPhraseExcludeOr_FollowTheQuery(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "A", "今月の月次決算を締めます。");
        await CreateAsync(db, "B", "年次決算の準備をします。");
        await CreateAsync(db, "C", "決算と月次の報告をします。");
        await CreateAsync(db, "D", "請求書を発行します。");
        await Index(db).CatchUpAsync(db.CancellationToken);

        Assert.Equal(["A", "B", "C"], await TitlesAsync(db, "決算"));
        Assert.Equal(["A"], await TitlesAsync(db, "月次決算"));
        Assert.Equal(["A", "C"], await TitlesAsync(db, "月次 決算"));
        Assert.Equal(["A", "C"], await TitlesAsync(db, "決算 -年次"));
        Assert.Equal(["C"], await TitlesAsync(db, "\"決算と月次\""));
        Assert.Equal(["B", "D"], await TitlesAsync(db, "年次 OR 請求書"));
        Assert.Equal(["A", "B", "C"], await TitlesAsync(db, "算"));
        Assert.Empty(await TitlesAsync(db, "算月"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_PhraseWordsApartAndExclusions_FollowTheQueryInTitlesAndBodies(SqlEngine engine)
    {
        // 要求書 and 請求 hold both bigrams of 請求書 (請求, 求書), but not the phrase.
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "要求書と請求の手順", "手順です。");
        await CreateAsync(db, "請求書の手順", "手順です。");
        await CreateAsync(db, "手順", "請求書を送ります。");
        await CreateAsync(db, "手順の例", "要求書の書き方と請求の流れ。");
        await Index(db).CatchUpAsync(db.CancellationToken);

        Assert.Equal(["手順", "請求書の手順"], await TitlesAsync(db, "請求書"));
        Assert.Equal(["手順", "請求書の手順"], await TitlesAsync(db, "手順 請求書"));
        Assert.Equal(["手順の例", "要求書と請求の手順"], await TitlesAsync(db, "手順 -請求書"));
        Assert.Equal(["手順", "請求書の手順"], await TitlesAsync(db, "手順 -要求"));
        Assert.Equal(["請求書の手順"], await TitlesAsync(db, "請求書 -送り"));
        Assert.Equal(["手順", "手順の例", "要求書と請求の手順"], await TitlesAsync(db, "請求 -\"請求書の手順\""));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_Phrase_NeverRunsFromOneFieldIntoTheNext(SqlEngine engine)
    {
        // 「Excel集計」 is the phrase excel 集計. The first two manuals have both words next to each other only across a
        // field boundary (title → tags, tags → headings); the last has the phrase in its body.
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "月次の Excel", "報告します。", tags: ["集計"]);
        await CreateAsync(db, "手順", "## 集計\n\n報告します。", tags: ["Excel"]);
        await CreateAsync(db, "月次報告", "毎月 Excel集計をします。");
        await Index(db).CatchUpAsync(db.CancellationToken);

        Assert.Equal(["月次報告"], await TitlesAsync(db, "Excel集計"));
        Assert.Equal(["手順", "月次の Excel", "月次報告"], await TitlesAsync(db, "Excel 集計"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_Filters_NarrowTheResults(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "経理の下書き", "確認手順", Accounting, status: ManualStatus.Draft, tags: ["月次"], template: "定型業務", at: Monday);
        await CreateAsync(db, "経理の公開", "確認手順", Accounting, tags: ["年次"], template: "業務手順書", at: Monday.AddDays(10));
        await CreateAsync(db, "総務の公開", "確認手順", GeneralAffairs, tags: ["月次"], template: "業務手順書", at: Monday.AddDays(20));
        await Index(db).CatchUpAsync(db.CancellationToken);

        Assert.Equal(["経理の下書き", "経理の公開"], await TitlesAsync(db, "確認", new SearchFilters(DepartmentId: Accounting)));
        Assert.Equal(["経理の下書き", "総務の公開"], await TitlesAsync(db, "確認", new SearchFilters(Tag: "月次")));
        Assert.Equal(["経理の公開", "総務の公開"], await TitlesAsync(db, "確認", new SearchFilters(Template: "業務手順書")));
        Assert.Equal(["経理の下書き"], await TitlesAsync(db, "確認", new SearchFilters(Status: ManualStatus.Draft)));
        Assert.Equal(["経理の公開", "総務の公開"], await TitlesAsync(db, "確認", new SearchFilters(UpdatedFrom: Monday.AddDays(5))));
        Assert.Equal(["経理の下書き", "経理の公開"], await TitlesAsync(db, "確認", new SearchFilters(UpdatedBefore: Monday.AddDays(15))));
        Assert.Equal(["総務の公開"], await TitlesAsync(db, "確認", new SearchFilters(Tag: "月次", Status: ManualStatus.Published, UpdatedFrom: Monday.AddDays(1))));
        Assert.Empty(await TitlesAsync(db, "確認", new SearchFilters(Tag: "存在しないタグ")));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_SortAndPages_NewestFirstWithTotalOnEveryPage(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        for (var i = 0; i < 25; i++)
        {
            await CreateAsync(db, $"手順{i:D2}", "経理部で確認します。", at: Monday.AddHours(i));
        }

        await CreateAsync(db, "経理の手順", "ほかの説明", at: Monday.AddHours(-1));
        await Index(db).CatchUpAsync(db.CancellationToken);

        var byRelevance = await (await SavedIndexAsync(db)).SearchAsync(Query("経理"), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken);
        var newest = await (await SavedIndexAsync(db)).SearchAsync(Query("経理"), SearchFilters.None, SearchSort.Updated, 0, 20, Admin, db.CancellationToken);
        var last = await (await SavedIndexAsync(db)).SearchAsync(Query("経理"), SearchFilters.None, SearchSort.Updated, 20, 20, Admin, db.CancellationToken);

        Assert.Equal("経理の手順", byRelevance.Rows[0].Title);
        Assert.Equal(26, newest.Total);
        Assert.Equal(26, last.Total);
        Assert.Equal(20, newest.Rows.Count);
        Assert.Equal("手順24", newest.Rows[0].Title);
        Assert.Equal(["手順04", "手順03", "手順02", "手順01", "手順00", "経理の手順"], last.Rows.Select(r => r.Title));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CatchUpAsync_AppliesWhatTheJournalHoldsBeyondTheIndexOnce(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var first = await CreateAsync(db, "月次決算の手順", "経理部が締めます。");
        await CreateAsync(db, "年末調整の手順", "人事部が集めます。");
        await Index(db).CatchUpAsync(db.CancellationToken);
        var store = db.Services.GetRequiredService<IManualStore>();
        var draft = new ManualDraft("月次決算の手順", Accounting, ManualVisibility.Company, ManualStatus.Published, null, [], "総務部が締めます。", "変更");
        Assert.True(await store.TryUpdateAsync(first, 1, draft, new Author(null, "テスト"), Monday.AddDays(1), db.CancellationToken));
        await CreateAsync(db, "サーバ障害の手順", "情報システム部が対応します。");
        Assert.Equal(new SearchIndexStatus(3, 1), await Index(db).StatusAsync(db.CancellationToken));

        var applied = await Index(db).CatchUpAsync(db.CancellationToken);
        var again = await Index(db).CatchUpAsync(db.CancellationToken);

        Assert.Equal(2, applied);
        Assert.Equal(0, again);
        Assert.Equal(new SearchIndexStatus(3, 3), await Index(db).StatusAsync(db.CancellationToken));
        Assert.Empty(await TitlesAsync(db, "経理"));
        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "総務"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RebuildAsync_ManyManuals_ReportsProgressInBatchesAndIndexesAll(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        for (var i = 0; i < 1050; i++)
        {
            await CreateAsync(db, $"手順{i}", i % 2 == 0 ? "経理部で確認します。" : "総務部で確認します。");
        }

        var reports = new List<SearchRebuildProgress>();

        var count = await Index(db).RebuildAsync(new SynchronousProgress(reports.Add), db.CancellationToken);

        Assert.Equal(1050, count);
        Assert.Equal([0, 500, 1000, 1050], reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(1050, r.Total));
        Assert.Equal(new SearchIndexStatus(1050, 1050), await Index(db).StatusAsync(db.CancellationToken));
        var page = await (await SavedIndexAsync(db)).SearchAsync(Query("経理"), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken);
        Assert.Equal(525, page.Total);
    }

    /// <summary>
    /// A rebuild writes a new generation beside the index in use: meanwhile searches answer from the old one, and saves
    /// reach it through the journal as usual; at the end the saves are in the new one too, and only it is left.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RebuildAsync_SavesCreatesAndDeletesMeanwhile_AreSearchableDuringAndAfterIt(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var ids = new List<long>();
        for (var i = 0; i < 600; i++)
        {
            ids.Add(await CreateAsync(db, $"手順{i}", "経理部で確認します。"));
        }

        await Index(db).CatchUpAsync(db.CancellationToken);
        var store = db.Services.GetRequiredService<IManualStore>();
        var draft = new ManualDraft("手順", Accounting, ManualVisibility.Company, ManualStatus.Published, null, [], "総務部で確認します。", "変更");
        (int Accounting, int GeneralAffairs, List<string> Personnel)? during = null;

        // After the first batch is written into the new generation: one of its manuals is saved again and another
        // deleted; one of the last batch, not yet read, is saved again; and a new manual is created. A search then runs.
        await Index(db).RebuildAsync(
            new SynchronousProgress(p =>
            {
                if (p.Done != 500)
                {
                    return;
                }

                during = Task.Run(async () =>
                {
                    Assert.True(await store.TryUpdateAsync(ids[0], 1, draft, new Author(null, "テスト"), Monday.AddDays(1), db.CancellationToken));
                    Assert.True(await store.TryUpdateAsync(ids[599], 1, draft, new Author(null, "テスト"), Monday.AddDays(1), db.CancellationToken));
                    await db.QueryAsync<long>("DELETE FROM manuals WHERE id = @id RETURNING id", new { id = ids[1] });
                    await CreateAsync(db, "新しい手順", "人事部で確認します。");
                    return (await TotalAsync(db, "経理"), await TotalAsync(db, "総務"), await TitlesAsync(db, "人事"));
                }).GetAwaiter().GetResult();
            }),
            db.CancellationToken);

        var (accountingDuring, generalAffairsDuring, personnelDuring) = during ?? throw new InvalidOperationException("The rebuild never reached 500.");
        Assert.Equal(597, accountingDuring);
        Assert.Equal(2, generalAffairsDuring);
        Assert.Equal(["新しい手順"], personnelDuring);
        Assert.Equal(new SearchIndexStatus(600, 600), await Index(db).StatusAsync(db.CancellationToken));
        Assert.Equal(597, await TotalAsync(db, "経理"));
        Assert.Equal(2, await TotalAsync(db, "総務"));
        Assert.Equal(["新しい手順"], await TitlesAsync(db, "人事"));
        var folder = db.Services.GetRequiredService<LuceneIndex>().Path;
        Assert.Single(Directory.GetDirectories(folder, "generation-*"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RebuildAsync_WhileAnotherRuns_IsRefusedAndTheFirstCompletes(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        for (var i = 0; i < 250; i++)
        {
            await CreateAsync(db, $"手順{i}", "経理部で確認します。");
        }

        Exception? second = null;
        var count = await Index(db).RebuildAsync(
            new SynchronousProgress(p =>
            {
                if (p.Done == 0)
                {
                    second = Record.Exception(() => Task.Run(() => Index(db).RebuildAsync(null, db.CancellationToken)).GetAwaiter().GetResult());
                }
            }),
            db.CancellationToken);

        Assert.IsType<InvalidOperationException>(second);
        Assert.Equal(250, count);
        Assert.Equal(250, await TotalAsync(db, "経理"));
        Assert.Equal(250, await Index(db).RebuildAsync(null, db.CancellationToken));
    }

    /// <summary>A manual is also found by the names of the business tasks it is linked to, as they are now.</summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_LinkedTaskName_FindsTheManualAfterLinkRenameAndUnlink(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var manual = await CreateAsync(db, "締めの手順", "仕訳を確認します。");
        await CreateAsync(db, "別の手順", "請求書を送ります。");
        var tasks = db.Services.GetRequiredService<IBusinessTaskStore>();
        var taskId = await tasks.CreateAsync(
            new BusinessTask { DepartmentId = Accounting, Name = "月次決算", Frequency = TaskFrequency.Monthly },
            Monday,
            db.CancellationToken) ?? throw new InvalidOperationException("The task was not created.");
        Assert.Empty(await TitlesAsync(db, "月次決算"));

        Assert.True(await tasks.LinkManualAsync(taskId, manual, db.CancellationToken));
        var linked = await TitlesAsync(db, "月次決算");
        var task = (await tasks.FindAsync(taskId, db.CancellationToken))!;
        task.Name = "年次決算";
        Assert.Equal(WriteStatus.Written, await tasks.UpdateAsync(task, Monday, db.CancellationToken));
        var renamedOld = await TitlesAsync(db, "月次決算");
        var renamedNew = await TitlesAsync(db, "年次決算");
        Assert.True(await tasks.UnlinkManualAsync(taskId, manual, db.CancellationToken));

        Assert.Equal(["締めの手順"], linked);
        Assert.Empty(renamedOld);
        Assert.Equal(["締めの手順"], renamedNew);
        Assert.Empty(await TitlesAsync(db, "年次決算"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_WordInOneTitleAndOftenInAnotherBody_RanksTheTitleFirstOnBothEngines(SqlEngine engine)
    {
        // 請求書 is a phrase of two bigrams. The body of 月次報告 says it far more often than 請求書の発行 does.
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "月次報告", string.Concat(Enumerable.Repeat("請求書を確認します。", 40)), at: Monday.AddDays(1));
        await CreateAsync(db, "請求書の発行", "毎月発行します。請求書", at: Monday);
        await CreateAsync(db, "経費精算 請求書", "経費を精算します。", at: Monday);

        foreach (var text in new[] { "請求書", "請求書 毎月", "\"請求書の発行\" OR 月次報告", "請求書 -経費" })
        {
            var page = await (await SavedIndexAsync(db)).SearchAsync(Query(text), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken);
            Assert.Equal("請求書の発行", page.Rows[0].Title);
        }
    }

    /// <summary>
    /// Past <see cref="SearchLimits.MaxCount"/> matches the count stops and only a bounded candidate set is ranked:
    /// title matches still come first (these are the oldest manuals, so no scan order favours them), newest first still
    /// means newest, and unreadable manuals stay out of both.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_MoreMatchesThanCounted_CapsTheTotalAndStillRanksTitleMatchesFirst(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "経費精算の手順", "経費精算を締めます。", at: Monday.AddDays(-30));
        await CreateAsync(db, "経費精算の締め", "毎月締めます。", at: Monday.AddDays(-29));
        await CreateAsync(db, "人事の経費精算", "人事部だけが読めます。", Personnel, ManualVisibility.Department, at: Monday.AddDays(2));
        for (var i = 0; i < SearchLimits.MaxCount + 20; i++)
        {
            await CreateAsync(db, $"手順{i:D4}", "申請の前に経費精算を確認します。", at: Monday.AddMinutes(i));
        }

        var reader = new Viewer(9001, Set(Roles.Reader), new HashSet<long> { Accounting });

        var first = await (await SavedIndexAsync(db)).SearchAsync(Query("経費精算"), SearchFilters.None, SearchSort.Relevance, 0, 20, reader, db.CancellationToken);
        var deepest = await (await SavedIndexAsync(db)).SearchAsync(
            Query("経費精算"), SearchFilters.None, SearchSort.Relevance, SearchLimits.MaxCount - 20, 20, reader, db.CancellationToken);
        var newest = await (await SavedIndexAsync(db)).SearchAsync(Query("経費精算"), SearchFilters.None, SearchSort.Updated, 0, 3, reader, db.CancellationToken);
        var admin = await (await SavedIndexAsync(db)).SearchAsync(Query("経費精算"), SearchFilters.None, SearchSort.Updated, 0, 1, Admin, db.CancellationToken);
        var filtered = await (await SavedIndexAsync(db)).SearchAsync(
            Query("経費精算"), new SearchFilters(DepartmentId: Personnel), SearchSort.Relevance, 0, 20, reader, db.CancellationToken);

        Assert.Equal(SearchLimits.MaxCount, first.Total);
        Assert.True(first.IsTotalCapped);
        Assert.Equal(["経費精算の手順", "経費精算の締め"], first.Rows.Take(2).Select(r => r.Title).Order(StringComparer.Ordinal));
        Assert.Equal(20, first.Rows.Count);
        Assert.Equal(20, deepest.Rows.Count);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(deepest.Rows.Select(r => r.Id)));
        Assert.Equal([$"手順{SearchLimits.MaxCount + 19:D4}", $"手順{SearchLimits.MaxCount + 18:D4}", $"手順{SearchLimits.MaxCount + 17:D4}"], newest.Rows.Select(r => r.Title));
        Assert.Equal("人事の経費精算", admin.Rows.Single().Title);
        Assert.Equal(0, filtered.Total);
        Assert.False(filtered.IsTotalCapped);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SynonymStore_Migration_SeedsTheThreeGroups(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        var groups = await db.Services.GetRequiredService<ISynonymStore>().ListAsync(db.CancellationToken);

        Assert.Equal([["PC", "パソコン"], ["年末調整", "年調"], ["経費精算", "立替精算"]], groups.Select(g => g.Terms.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SuggestAsync_TitlesOnly_ReadableOnlyAndLastLatinWordIsAPrefix(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "月次決算の手順", "締めます。");
        await CreateAsync(db, "別の手順", "月次決算の前に確認します。");
        await CreateAsync(db, "Excelで集計する", "表を作ります。");
        await CreateAsync(db, "給与計算の手順", "計算します。", Personnel, ManualVisibility.Department);
        var outsider = new Viewer(9001, Set(Roles.Reader), new HashSet<long> { Accounting });

        async Task<List<string>> SuggestAsync(string text, Viewer viewer) =>
            (await (await SavedIndexAsync(db)).SuggestAsync(SearchSuggester.AsTyped(Query(text)), viewer, 8, db.CancellationToken)).Select(s => s.Text).ToList();

        Assert.Equal(["月次決算の手順"], await SuggestAsync("月次決", outsider));
        Assert.Equal(["Excelで集計する"], await SuggestAsync("ＥＸＣ", outsider));
        Assert.Equal(["給与計算の手順"], await SuggestAsync("給与", Admin));
        Assert.Empty(await SuggestAsync("給与", outsider));
        Assert.Empty(await SuggestAsync("\"title : *\" NEAR(", outsider));
    }

    private static ISearchIndex Index(TestDatabase db) => db.Services.GetRequiredService<ISearchIndex>();

    /// <summary>The index once it holds every save committed so far, as a search request sees it.</summary>
    private static async Task<ISearchIndex> SavedIndexAsync(TestDatabase db)
    {
        await Index(db).WaitForSavesAsync(db.CancellationToken);
        return Index(db);
    }

    private static SearchQuery Query(string text) => SearchQueryParser.Parse(text, []);

    private static HashSet<string> Set(string role) => [role];

    private static async Task<int> TotalAsync(TestDatabase db, string text) =>
        (await (await SavedIndexAsync(db)).SearchAsync(Query(text), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken)).Total;

    private static async Task<List<string>> TitlesAsync(TestDatabase db, string text, SearchFilters? filters = null)
    {
        var page = await (await SavedIndexAsync(db)).SearchAsync(Query(text), filters ?? SearchFilters.None, SearchSort.Relevance, 0, 100, Admin, db.CancellationToken);
        Assert.Equal(page.Rows.Count, page.Total);
        return page.Rows.Select(r => r.Title).Order(StringComparer.Ordinal).ToList();
    }

    private static Task<long> CreateAsync(
        TestDatabase db,
        string title,
        string body,
        long department = Accounting,
        ManualVisibility visibility = ManualVisibility.Company,
        ManualStatus status = ManualStatus.Published,
        long? owner = null,
        IReadOnlyList<string>? tags = null,
        string? template = null,
        DateTimeOffset? at = null)
    {
        var draft = new ManualDraft(title, department, visibility, status, template, tags ?? [], body, "作成");
        return db.Services.GetRequiredService<IManualStore>().CreateAsync(draft, new Author(null, "テスト"), owner, at ?? Monday, db.CancellationToken);
    }


    /// <summary>Records reports as they happen (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<SearchRebuildProgress> report) : IProgress<SearchRebuildProgress>
    {
        public void Report(SearchRebuildProgress value) => report(value);
    }
}
