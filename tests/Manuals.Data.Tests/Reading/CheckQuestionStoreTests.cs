using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Reading;

/// <summary>理解度チェック (<see cref="ICheckQuestionStore"/>): questions kept in order with their choices; attempts counted.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class CheckQuestionStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Author Sato = new(null, "佐藤 一郎");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReplaceAsync_KeepsOrderTextAndChoices_AndReplacingWithNoneRemovesThem(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ICheckQuestionStore>();
        var closing = await CreateManualAsync(db, "月次決算");
        var other = await CreateManualAsync(db, "経費精算");
        CheckQuestion[] written =
        [
            new("締め日は「毎月末日」ですか？", ["はい", "いいえ", "部署による \"例外\" あり"], 2),
            new("承認者は？", ["課長", "部長"], 0),
        ];

        await store.ReplaceAsync(closing, written, db.CancellationToken);
        await store.ReplaceAsync(other, [new CheckQuestion("別のマニュアル", ["a", "b"], 1)], db.CancellationToken);
        var read = await store.ListAsync(closing, db.CancellationToken);
        await store.ReplaceAsync(closing, [written[1]], db.CancellationToken);
        var replaced = await store.ListAsync(closing, db.CancellationToken);
        await store.ReplaceAsync(closing, [], db.CancellationToken);

        Assert.Equal(written.Select(Flat), read.Select(Flat));
        Assert.Equal([Flat(written[1])], replaced.Select(Flat));
        Assert.Empty(await store.ListAsync(closing, db.CancellationToken));
        Assert.Single(await store.ListAsync(other, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecordAttemptAsync_TwoWrongThenRight_TheStatusShowsThePassOnTheThirdAttempt_AndWrongAgainCountsFromThere(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ICheckQuestionStore>();
        var reading = db.Services.GetRequiredService<IRequiredReadingStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var taro = await db.CreateUserAsync("taro");
        var closing = await CreateManualAsync(db, "月次決算");
        await reading.AssignAsync(closing, [hanako, taro], [], new DateOnly(2026, 12, 11), hanako, Monday, db.CancellationToken);

        await store.RecordAttemptAsync(closing, hanako, passed: false, Monday, db.CancellationToken);
        await store.RecordAttemptAsync(closing, hanako, passed: false, Monday.AddMinutes(1), db.CancellationToken);
        var failing = Row(await reading.ListForManualAsync(closing, db.CancellationToken), hanako);
        await store.RecordAttemptAsync(closing, hanako, passed: true, Monday.AddMinutes(2), db.CancellationToken);
        var passed = Row(await reading.ListForManualAsync(closing, db.CancellationToken), hanako);
        await store.RecordAttemptAsync(closing, hanako, passed: false, Monday.AddDays(30), db.CancellationToken);
        var rows = await reading.ListForManualAsync(closing, db.CancellationToken);

        Assert.Equal((2, (int?)null), (failing.FailedChecks, failing.PassedCheckOnAttempt));
        Assert.Equal((0, (int?)3), (passed.FailedChecks, passed.PassedCheckOnAttempt));
        Assert.Equal((1, (int?)3), (Row(rows, hanako).FailedChecks, Row(rows, hanako).PassedCheckOnAttempt));
        Assert.Equal((0, (int?)null), (Row(rows, taro).FailedChecks, Row(rows, taro).PassedCheckOnAttempt));
    }

    private static string Flat(CheckQuestion q) => $"{q.Text}|{string.Join("/", q.Choices)}|{q.Correct}";

    private static ReadingRow Row(IReadOnlyList<ReadingRow> rows, long userId) => rows.Single(r => r.UserId == userId);

    private static async Task<long> CreateManualAsync(TestDatabase db, string title) =>
        await db.Services.GetRequiredService<IManualStore>().CreateAsync(
            new ManualDraft(title, 1, ManualVisibility.Company, ManualStatus.Published, null, [], "## 手順\n1. 画面を開きます。\n", "作成"),
            Sato,
            null,
            Monday,
            db.CancellationToken);
}
