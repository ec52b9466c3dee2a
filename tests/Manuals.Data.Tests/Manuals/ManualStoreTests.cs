using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Manuals;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ManualStoreTests
{
    private const long Accounting = 1;
    private const long GeneralAffairs = 3;

    private static readonly DateTimeOffset Monday = new(2025, 3, 31, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Author Sato = new(null, "佐藤 一郎");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NewDraft_FindReturnsItWithTagsOwnerNameAndRevision1(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var ownerId = await CreateUserAsync(db, "hanako", "山田 花子");
        var draft = Draft("月次決算の手順", tags: ["決算", "月末", "経理"]);

        var id = await store.CreateAsync(draft, new Author(ownerId, "山田 花子"), ownerId, Monday, db.CancellationToken);
        var manual = await store.FindAsync(id, db.CancellationToken);

        Assert.NotNull(manual);
        Assert.Equal(id, manual.Id);
        Assert.Equal("月次決算の手順", manual.Title);
        Assert.Equal(Accounting, manual.DepartmentId);
        Assert.Equal(ManualVisibility.Department, manual.Visibility);
        Assert.Equal(ManualStatus.Published, manual.Status);
        Assert.Equal("standard", manual.Template);
        Assert.Equal(ownerId, manual.OwnerId);
        Assert.Equal("山田 花子", manual.OwnerName);
        Assert.Equal(1, manual.RevisionNumber);
        Assert.Equal(draft.Body, manual.Body);
        Assert.Equal(["月末", "決算", "経理"], manual.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(Monday, manual.CreatedAt);
        Assert.Equal(Monday, manual.UpdatedAt);
        var revision = Assert.Single(await store.ListRevisionsAsync(id, db.CancellationToken));
        Assert.Equal(1, revision.Number);
        Assert.Equal("山田 花子", revision.AuthorName);
        Assert.Equal(ownerId, revision.AuthorId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NoOwnerNoTemplateNoTags_StoresNulls(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();

        var id = await store.CreateAsync(Draft("取込み", tags: [], template: null), Sato, null, Monday, db.CancellationToken);
        var manual = await store.FindAsync(id, db.CancellationToken);

        Assert.NotNull(manual);
        Assert.Null(manual.OwnerId);
        Assert.Null(manual.OwnerName);
        Assert.Null(manual.Template);
        Assert.Empty(manual.Tags);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsync_UnknownId_ReturnsNull(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();

        Assert.Null(await store.FindAsync(424242, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TryUpdateAsync_CurrentBaseRevision_SavesRevision2AndListsHistoryNewestFirst(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var editorId = await CreateUserAsync(db, "suzuki", "鈴木 次郎");
        var id = await store.CreateAsync(Draft("経費精算", body: "# 経費精算\n\n初版", note: "新規作成"), Sato, null, Monday, db.CancellationToken);
        var later = Monday.AddHours(3);
        var edit = Draft("経費精算（改訂）", body: "# 経費精算\n\n第2版", note: "締め日を追記", tags: ["経費"], department: GeneralAffairs) with
        {
            Status = ManualStatus.Archived,
            Visibility = ManualVisibility.Company,
        };

        var saved = await store.TryUpdateAsync(id, 1, edit, new Author(editorId, "鈴木 次郎"), later, db.CancellationToken);

        Assert.True(saved);
        var manual = await store.FindAsync(id, db.CancellationToken);
        Assert.NotNull(manual);
        Assert.Equal(2, manual.RevisionNumber);
        Assert.Equal("経費精算（改訂）", manual.Title);
        Assert.Equal("# 経費精算\n\n第2版", manual.Body);
        Assert.Equal(GeneralAffairs, manual.DepartmentId);
        Assert.Equal(ManualStatus.Archived, manual.Status);
        Assert.Equal(ManualVisibility.Company, manual.Visibility);
        Assert.Equal(["経費"], manual.Tags);
        Assert.Equal(Monday, manual.CreatedAt);
        Assert.Equal(later, manual.UpdatedAt);

        var history = await store.ListRevisionsAsync(id, db.CancellationToken);
        Assert.Equal([2, 1], history.Select(r => r.Number));
        Assert.Equal(("鈴木 次郎", (long?)editorId, "締め日を追記", "# 経費精算\n\n第2版", later), (history[0].AuthorName, history[0].AuthorId, history[0].ChangeNote, history[0].Body, history[0].CreatedAt));
        Assert.Equal(("佐藤 一郎", (long?)null, "新規作成", "# 経費精算\n\n初版", Monday), (history[1].AuthorName, history[1].AuthorId, history[1].ChangeNote, history[1].Body, history[1].CreatedAt));

        var first = await store.FindRevisionAsync(id, 1, db.CancellationToken);
        Assert.NotNull(first);
        Assert.Equal("経費精算", first.Title);
        Assert.Null(await store.FindRevisionAsync(id, 3, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TryUpdateAsync_StaleBaseRevision_ReturnsFalseAndWritesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var id = await store.CreateAsync(Draft("請求書発行", body: "初版", tags: ["請求"]), Sato, null, Monday, db.CancellationToken);
        Assert.True(await store.TryUpdateAsync(id, 1, Draft("請求書発行", body: "第2版", tags: ["請求"]), Sato, Monday.AddHours(1), db.CancellationToken));

        var saved = await store.TryUpdateAsync(id, 1, Draft("上書き", body: "古い版からの編集", tags: ["上書き"]), Sato, Monday.AddHours(2), db.CancellationToken);

        Assert.False(saved);
        var manual = await store.FindAsync(id, db.CancellationToken);
        Assert.NotNull(manual);
        Assert.Equal(2, manual.RevisionNumber);
        Assert.Equal("請求書発行", manual.Title);
        Assert.Equal("第2版", manual.Body);
        Assert.Equal(["請求"], manual.Tags);
        Assert.Equal(Monday.AddHours(1), manual.UpdatedAt);
        Assert.Equal([2, 1], (await store.ListRevisionsAsync(id, db.CancellationToken)).Select(r => r.Number));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TryUpdateAsync_UnknownManual_ReturnsFalse(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();

        Assert.False(await store.TryUpdateAsync(424242, 1, Draft("なし"), Sato, Monday, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TryUpdateAsync_TwoConcurrentWritersFromTheSameBase_ExactlyOneSucceeds(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var id = await store.CreateAsync(Draft("年末調整", body: "初版"), Sato, null, Monday, db.CancellationToken);

        // Several rounds, because one round may by chance not overlap; each round starts from the current revision.
        const int rounds = 5;
        for (var round = 0; round < rounds; round++)
        {
            var baseRevision = round + 1;
            var bodies = new[] { $"A さんの第{baseRevision + 1}版", $"B さんの第{baseRevision + 1}版" };

            // Task.Run puts each writer on its own thread: SQLite's "async" calls complete synchronously, so plain
            // calls would run one after the other instead of racing.
            var results = await Task.WhenAll(bodies.Select(body => Task.Run(
                () => store.TryUpdateAsync(id, baseRevision, Draft("年末調整", body: body), Sato, Monday.AddMinutes(round + 1), db.CancellationToken))));

            Assert.Single(results, saved => saved);
            var manual = await store.FindAsync(id, db.CancellationToken);
            Assert.NotNull(manual);
            Assert.Equal(baseRevision + 1, manual.RevisionNumber);
            Assert.Equal(bodies[Array.IndexOf(results, true)], manual.Body);
        }

        var history = await store.ListRevisionsAsync(id, db.CancellationToken);
        Assert.Equal(Enumerable.Range(1, rounds + 1).Reverse(), history.Select(r => r.Number));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_ByDepartmentOrAll_ReturnsMatchingManualsNewestFirst(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var oldest = await store.CreateAsync(Draft("月次決算", department: Accounting), Sato, null, Monday, db.CancellationToken);
        var middle = await store.CreateAsync(Draft("備品管理", department: GeneralAffairs), Sato, null, Monday.AddDays(1), db.CancellationToken);
        var newest = await store.CreateAsync(Draft("支払処理", department: Accounting), Sato, null, Monday.AddDays(2), db.CancellationToken);

        var accounting = await store.ListAsync(Accounting, db.CancellationToken);
        var all = await store.ListAsync(null, db.CancellationToken);
        var legal = await store.ListAsync(4, db.CancellationToken);

        Assert.Equal([newest, oldest], accounting.Select(m => m.Id));
        Assert.All(accounting, m => Assert.Equal(Accounting, m.DepartmentId));
        Assert.Equal([newest, middle, oldest], all.Select(m => m.Id));
        Assert.Empty(legal);
        Assert.Equal(3, await store.CountAsync(db.CancellationToken));
        var summary = all[0];
        Assert.Equal(("支払処理", ManualVisibility.Department, ManualStatus.Published, 1, Monday.AddDays(2)), (summary.Title, summary.Visibility, summary.Status, summary.RevisionNumber, summary.UpdatedAt));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_JapaneseText_RoundTripsExactly(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        // Kanji, kana, half-width katakana, full-width ASCII, a surrogate-pair kanji (𠮷), an emoji, a combining
        // voiced mark (か + ゛ stays two code points) and an ideographic space: nothing may be normalised away.
        const string title = "𠮷野家の領収書（ﾘｮｳｼｭｳｼｮ）を精算する　ＡＢＣ１２３";
        const string body = """
            # 目的

            交通費・経費を月末までに精算します。😀 か\u3099 ｶﾞ「申し込み」と「申込」は同じ意味です。

            ## 手順

            1. 経費精算システムにログインする
            2. 領収書（原本）を添付する ※ 電子帳簿保存法に注意
            """;
        const string note = "初版：総務部の山﨑さんの手順書から移行";

        var id = await store.CreateAsync(Draft(title, body: body, note: note, tags: ["経費", "ﾃｽﾄ", "髙橋"]), new Author(null, "髙橋 健太"), null, Monday, db.CancellationToken);
        var manual = await store.FindAsync(id, db.CancellationToken);
        var revision = await store.FindRevisionAsync(id, 1, db.CancellationToken);

        Assert.NotNull(manual);
        Assert.NotNull(revision);
        Assert.Equal(title, manual.Title, StringComparer.Ordinal);
        Assert.Equal(body, manual.Body, StringComparer.Ordinal);
        Assert.Equal(["経費", "髙橋", "ﾃｽﾄ"], manual.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(note, revision.ChangeNote, StringComparer.Ordinal);
        Assert.Equal("髙橋 健太", revision.AuthorName, StringComparer.Ordinal);
        Assert.Equal(body, revision.Body, StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_TimestampWithSubMillisecondTicksAndOffset_RoundTripsToTheSameInstant(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        // 23:59 in Tokyo is still the previous day in UTC: the date must not shift, whichever zone reads it.
        var now = new DateTimeOffset(2025, 12, 31, 23, 59, 58, 123, TimeSpan.FromHours(9)).AddTicks(4567);

        var id = await store.CreateAsync(Draft("期末決算"), Sato, null, now, db.CancellationToken);
        var manual = await store.FindAsync(id, db.CancellationToken);
        var revision = Assert.Single(await store.ListRevisionsAsync(id, db.CancellationToken));
        var summary = Assert.Single(await store.ListAsync(null, db.CancellationToken));

        Assert.NotNull(manual);
        Assert.Equal(ToMilliseconds(now), ToMilliseconds(manual.CreatedAt));
        Assert.Equal(ToMilliseconds(now), ToMilliseconds(manual.UpdatedAt));
        Assert.Equal(ToMilliseconds(now), ToMilliseconds(revision.CreatedAt));
        Assert.Equal(ToMilliseconds(now), ToMilliseconds(summary.UpdatedAt));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MarkReviewedAndUpdateSettings_RoundTripWithoutNewRevision(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var reviewerId = await CreateUserAsync(db, "hanako", "山田 花子");
        var id = await store.CreateAsync(Draft("月次決算の手順"), Sato, null, Monday, db.CancellationToken);
        var before = await store.FindAsync(id, db.CancellationToken);

        var reviewed = await store.MarkReviewedAsync(id, reviewerId, Monday.AddDays(30), db.CancellationToken);
        var set = await store.UpdateSettingsAsync(id, reviewerId, 90, db.CancellationToken);
        var unknown = await store.MarkReviewedAsync(id + 1000, reviewerId, Monday, db.CancellationToken);
        var manual = await store.FindAsync(id, db.CancellationToken);
        var summary = Assert.Single(await store.ListAsync(null, db.CancellationToken));

        Assert.Equal(180, before!.ReviewIntervalDays);
        Assert.Null(before.ReviewedAt);
        Assert.True(reviewed);
        Assert.True(set);
        Assert.False(unknown);
        Assert.Equal(Monday.AddDays(30), manual!.ReviewedAt);
        Assert.Equal(reviewerId, manual.ReviewedById);
        Assert.Equal("山田 花子", manual.ReviewedByName);
        Assert.Equal(reviewerId, manual.OwnerId);
        Assert.Equal(90, manual.ReviewIntervalDays);
        Assert.Equal(1, manual.RevisionNumber);
        Assert.Equal(Monday.AddDays(30), summary.ReviewedAt);
        Assert.Equal(90, summary.ReviewIntervalDays);
        Assert.Equal("山田 花子", summary.OwnerName);
        Assert.Equal(Monday, summary.CreatedAt);
    }

    private static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static ManualDraft Draft(
        string title,
        string body = "# 手順\n\n1. 確認する",
        string note = "作成",
        IReadOnlyList<string>? tags = null,
        long department = Accounting,
        string? template = "standard") =>
        new(title, department, ManualVisibility.Department, ManualStatus.Published, template, tags ?? ["手順"], body, note);

    private static async Task<long> CreateUserAsync(TestDatabase db, string userName, string displayName)
    {
        await using var scope = db.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = new User { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName };
        await users.CreateAsync(user, db.CancellationToken);
        return user.Id;
    }
}
