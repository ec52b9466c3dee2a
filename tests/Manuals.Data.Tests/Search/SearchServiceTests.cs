using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search;

/// <summary>
/// The search as the results page runs it (<see cref="SearchService"/> over this node's index) where it goes beyond the
/// index's plain answer: partial matches, 「もしかして」, listings by filter alone and the matching business tasks.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchServiceTests
{
    private const long Accounting = 1;
    private const long Personnel = 2;

    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Viewer Admin = new(9000, new HashSet<string> { Roles.Admin }, new HashSet<long>());
    private static readonly Viewer AccountingReader = new(9001, new HashSet<string> { Roles.Reader }, new HashSet<long> { Accounting });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_NoReadableManualHoldsEveryWord_ShowsThoseHoldingMostWordsFirstWithExclusionsAndAccessKept(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "社会保険の資格取得手続き", "入社した人の健康保険の資格を取得します。", at: Monday);
        await CreateAsync(db, "新入社員の受け入れ", "入社日に机とパソコンを用意します。", at: Monday.AddDays(1));
        await CreateAsync(db, "退職時の手続き", "保険証を回収します。", at: Monday.AddDays(2));
        await CreateAsync(db, "社会保険と雇用保険の手続き（年金）", "年金事務所に届けます。", at: Monday.AddDays(3));
        await CreateAsync(db, "経費精算", "領収書を添付します。", at: Monday.AddDays(4));
        // Holds every word, but only Personnel may read it: it must neither appear nor make the AND succeed.
        await CreateAsync(db, "新入社員の社会保険手続き", "人事部だけが読めます。", Personnel, ManualVisibility.Department, at: Monday.AddDays(5));
        await Index(db).CatchUpAsync(db.CancellationToken);

        var results = await SearchAsync(db, "新入社員 社会保険 手続き -年金", AccountingReader);
        var admin = await SearchAsync(db, "新入社員 社会保険 手続き", Admin);

        Assert.True(results.IsPartial);
        Assert.Equal(0, results.StrictTotal);
        Assert.Equal(3, results.Total);
        Assert.Equal(["社会保険の資格取得手続き"], Titles(results).Take(1));
        Assert.Equal(["新入社員の受け入れ", "退職時の手続き"], Titles(results).Skip(1).Order(StringComparer.Ordinal));
        Assert.Null(results.Correction);

        // With one manual holding every word, it comes first and the page says how many hold them all.
        Assert.True(admin.IsPartial);
        Assert.Equal(1, admin.StrictTotal);
        Assert.Equal(5, admin.Total);
        Assert.Equal("新入社員の社会保険手続き", Titles(admin)[0]);
        Assert.Equal(["社会保険と雇用保険の手続き（年金）", "社会保険の資格取得手続き"], Titles(admin).Skip(1).Take(2).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_EnoughManualsHoldEveryWord_KeepsThePlainAndAndItsCount(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(db, $"月次決算 {i}", "月次の決算を締めます。");
        }

        await CreateAsync(db, "年次決算", "決算を締めます。");
        await Index(db).CatchUpAsync(db.CancellationToken);

        var results = await SearchAsync(db, "月次 決算", AccountingReader);
        var filtered = await SearchAsync(db, "月次 決算", AccountingReader, new SearchFilters(DepartmentId: Personnel));

        Assert.False(results.IsPartial);
        Assert.Equal(3, results.Total);
        Assert.Equal(3, results.StrictTotal);
        Assert.DoesNotContain("年次決算", Titles(results));
        Assert.Equal(0, filtered.Total);
        Assert.False(filtered.IsPartial);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_NearMissSpelling_SuggestsTheIndexsWordOnlyWhenItFindsAManualTheViewerMayRead(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "年末調整の手順", "扶養控除等申告書を回収して年末調整をします。");
        await CreateAsync(db, "年度末の調査", "調製済みの書類を確認します。");
        await CreateAsync(db, "Excel で集計する", "Excel の表に貼り付けます。");
        await CreateAsync(db, "賞与査定の手順", "人事部だけが読めます。", Personnel, ManualVisibility.Department);
        await Index(db).CatchUpAsync(db.CancellationToken);

        var typo = await SearchAsync(db, "年末調製", AccountingReader);
        var twoWords = await SearchAsync(db, "年末調製 手順", AccountingReader);
        var latin = await SearchAsync(db, "Exel", AccountingReader);
        var hidden = await SearchAsync(db, "賞与査低", AccountingReader);
        var hiddenForAdmin = await SearchAsync(db, "賞与査低", Admin);
        var found = await SearchAsync(db, "年末調整", AccountingReader);
        var nothingNear = await SearchAsync(db, "量子力学", AccountingReader);

        Assert.Equal(0, typo.Total);
        Assert.Equal("年末調整", typo.Correction);
        Assert.Equal("年末調整 手順", twoWords.Correction);
        Assert.Equal("excel", latin.Correction);
        Assert.Null(hidden.Correction);
        Assert.Equal("賞与査定", hiddenForAdmin.Correction);
        Assert.Null(found.Correction);
        Assert.Null(nothingNear.Correction);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_FilterWithoutWords_ListsTheReadableManualsNewestFirst(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "古い月次", "締めます。", tags: ["月次"], at: Monday);
        await CreateAsync(db, "新しい月次", "締めます。", tags: ["月次", "決算"], at: Monday.AddDays(2));
        await CreateAsync(db, "年次", "締めます。", tags: ["年次"], at: Monday.AddDays(3));
        await CreateAsync(db, "人事の月次", "締めます。", Personnel, ManualVisibility.Department, tags: ["月次"], at: Monday.AddDays(4));
        await Index(db).CatchUpAsync(db.CancellationToken);

        var byTag = await SearchAsync(db, null, AccountingReader, new SearchFilters(Tag: "月次"));
        var byTagAskedByRelevance = await SearchAsync(db, "", AccountingReader, new SearchFilters(Tag: "月次"));
        var byDepartment = await SearchAsync(db, "-年次", AccountingReader, new SearchFilters(DepartmentId: Accounting));
        var nothing = await SearchAsync(db, null, AccountingReader);

        Assert.True(byTag.IsListing);
        Assert.Equal(["新しい月次", "古い月次"], Titles(byTag));
        Assert.Equal(2, byTag.Total);
        Assert.Equal(["月次", "決算"], byTag.Hits[0].Manual.Tags);
        Assert.Equal(Titles(byTag), Titles(byTagAskedByRelevance));
        Assert.Equal(["新しい月次", "古い月次"], Titles(byDepartment));
        Assert.False(nothing.IsListing);
        Assert.Empty(nothing.Hits);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_TaskNamesHoldingTheWords_AreListedOnlyForTheirDepartments(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "締めの手順", "月次決算で仕訳を確認します。");
        var tasks = db.Services.GetRequiredService<IBusinessTaskStore>();
        await tasks.CreateAsync(new BusinessTask { DepartmentId = Accounting, Name = "月次決算（仮締め）", Frequency = TaskFrequency.Monthly }, Monday, db.CancellationToken);
        await tasks.CreateAsync(new BusinessTask { DepartmentId = Personnel, Name = "月次決算の人件費集計", Frequency = TaskFrequency.Monthly }, Monday, db.CancellationToken);
        await tasks.CreateAsync(new BusinessTask { DepartmentId = Accounting, Name = "年次決算", Frequency = TaskFrequency.Yearly }, Monday, db.CancellationToken);
        await Index(db).CatchUpAsync(db.CancellationToken);

        var reader = await SearchAsync(db, "月次決算", AccountingReader);
        var admin = await SearchAsync(db, "月次決算", Admin);
        var none = await SearchAsync(db, "請求書", AccountingReader);

        Assert.Equal(["月次決算（仮締め）"], reader.Tasks.Select(t => t.Name));
        Assert.Equal(["月次決算（仮締め）", "月次決算の人件費集計"], admin.Tasks.Select(t => t.Name));
        Assert.Empty(none.Tasks);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_QuotedPhraseWithASpace_MatchesTheWordsInSequenceWithOrWithoutTheSpace(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateAsync(db, "経理部の締め", "締めます。");
        await CreateAsync(db, "会議", "経理 部会で報告します。");
        await CreateAsync(db, "部の経理", "部ごとに経理をします。");
        await CreateAsync(db, "Excel の集計", "year end closing を Excel で集計します。");
        await CreateAsync(db, "年末", "yearend を確認します。");
        await Index(db).CatchUpAsync(db.CancellationToken);

        var japanese = await SearchAsync(db, "\"経理 部\"", Admin);
        var latin = await SearchAsync(db, "\"year end\"", Admin);
        var mixed = await SearchAsync(db, "\"Excel で\"", Admin);

        Assert.Equal(["会議", "経理部の締め"], Titles(japanese).Order(StringComparer.Ordinal));
        Assert.False(japanese.IsPartial);
        Assert.Equal(["Excel の集計"], Titles(latin));
        Assert.Equal(["Excel の集計"], Titles(mixed));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_SynonymsAndTaskNamesChangedHereOrOnAnotherNode_UsedAtOnceOrWithinASecond(SqlEngine engine)
    {
        var clock = new SettableClock(Monday);
        await using var db = await TestDatabase.CreateAsync(engine, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        await CreateAsync(db, "稟議書の回し方", "月次決算の前に回します。");
        var tasks = db.Services.GetRequiredService<IBusinessTaskStore>();
        var taskId = (await tasks.CreateAsync(
            new BusinessTask { DepartmentId = Accounting, Name = "月次決算", Frequency = TaskFrequency.Monthly }, Monday, db.CancellationToken))!.Value;
        Assert.Empty(Titles(await SearchAsync(db, "決裁", Admin)));
        Assert.Equal(["月次決算"], (await SearchAsync(db, "月次決算", Admin)).Tasks.Select(t => t.Name));

        // Written through this node: used by the next search.
        var groupId = await db.Services.GetRequiredService<ISynonymStore>().AddAsync(["決裁", "稟議"], db.CancellationToken);
        var task = (await tasks.FindAsync(taskId, db.CancellationToken))!;
        task.Name = "月次決算（本締め）";
        Assert.Equal(WriteStatus.Written, await tasks.UpdateAsync(task, Monday, db.CancellationToken));
        Assert.Equal(["稟議書の回し方"], Titles(await SearchAsync(db, "決裁", Admin)));
        Assert.Equal(["月次決算（本締め）"], (await SearchAsync(db, "月次決算", Admin)).Tasks.Select(t => t.Name));

        // Written by another node (straight into the database): used once what this node keeps is a second old.
        await db.QueryAsync<long>("DELETE FROM search_synonyms WHERE id = @groupId RETURNING id", new { groupId });
        await db.QueryAsync<long>("UPDATE business_tasks SET name = '月次決算（仮締め）' WHERE id = @taskId RETURNING id", new { taskId });
        Assert.Equal(["稟議書の回し方"], Titles(await SearchAsync(db, "決裁", Admin)));
        Assert.Equal(["月次決算（本締め）"], (await SearchAsync(db, "月次決算", Admin)).Tasks.Select(t => t.Name));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(Titles(await SearchAsync(db, "決裁", Admin)));
        Assert.Equal(["月次決算（仮締め）"], (await SearchAsync(db, "月次決算", Admin)).Tasks.Select(t => t.Name));
    }

    private static ISearchIndex Index(TestDatabase db) => db.Services.GetRequiredService<ISearchIndex>();

    private static List<string> Titles(SearchResults results) => results.Hits.Select(h => h.Manual.Title).ToList();

    private static Task<SearchResults> SearchAsync(TestDatabase db, string? text, Viewer viewer, SearchFilters? filters = null)
    {
        var service = new SearchService(
            Index(db),
            db.Services.GetRequiredService<ISynonymStore>(),
            new MarkdownRenderer(),
            db.Services.GetRequiredService<IBusinessTaskStore>());
        return service.SearchAsync(viewer, new SearchRequest(text, filters ?? SearchFilters.None, SearchSort.Relevance, 1), db.CancellationToken);
    }

    private static Task<long> CreateAsync(
        TestDatabase db,
        string title,
        string body,
        long department = Accounting,
        ManualVisibility visibility = ManualVisibility.Company,
        IReadOnlyList<string>? tags = null,
        DateTimeOffset? at = null)
    {
        var draft = new ManualDraft(title, department, visibility, ManualStatus.Published, null, tags ?? [], body, "作成");
        return db.Services.GetRequiredService<IManualStore>().CreateAsync(draft, new Author(null, "テスト"), null, at ?? Monday, db.CancellationToken);
    }
}
