using Dapper;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Reading;

/// <summary>Required reading (<see cref="IRequiredReadingStore"/>): assignments to people and departments, confirmations, 重要な変更.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class RequiredReadingStoreTests
{
    private const long Accounting = 1;
    private const long GeneralAffairs = 3;
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateOnly Friday = new(2026, 12, 11);
    private static readonly Author Sato = new(null, "佐藤 一郎");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListForUserAsync_AssignedDirectlyAndThroughADepartment_OneRowPerManualWithTheEarliestDueDate(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IRequiredReadingStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var editor = await db.CreateUserAsync("editor");
        await JoinAsync(db, hanako, Accounting);
        var closing = await CreateManualAsync(db, "月次決算");
        var expenses = await CreateManualAsync(db, "経費精算");

        await store.AssignAsync(closing, [hanako], [], Friday.AddDays(3), editor, Monday, db.CancellationToken);
        await store.AssignAsync(closing, [], [Accounting], Friday, editor, Monday, db.CancellationToken);
        await store.AssignAsync(expenses, [], [GeneralAffairs], Friday, editor, Monday, db.CancellationToken);

        var row = Assert.Single(await store.ListForUserAsync(hanako, db.CancellationToken));
        Assert.Equal((closing, hanako, "hanako", Friday, (int?)null, 1), (row.ManualId, row.UserId, row.DisplayName, row.DueOn, row.ConfirmedRevision, row.RequiredRevision));
        Assert.Equal(ReadingState.NotRead, row.State);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ConfirmAsync_ThenAMaterialChange_AsksAgainUntilTheNewRevisionIsConfirmed(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IRequiredReadingStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var closing = await CreateManualAsync(db, "月次決算");
        await store.AssignAsync(closing, [hanako], [], Friday, hanako, Monday, db.CancellationToken);

        await store.ConfirmAsync(closing, hanako, 1, Monday, db.CancellationToken);
        var confirmed = Assert.Single(await store.ListForUserAsync(hanako, db.CancellationToken));
        // A typo fix (revision 2) asks nothing; a 重要な変更 (revision 3) does.
        Assert.True(await manuals.TryUpdateAsync(closing, 1, Draft("月次決算", "誤字を修正"), Sato, Monday.AddDays(1), db.CancellationToken));
        var afterTypo = Assert.Single(await store.ListForUserAsync(hanako, db.CancellationToken));
        Assert.True(await manuals.TryUpdateAsync(closing, 2, Draft("月次決算", "締め日を変更") with { MaterialChange = true }, Sato, Monday.AddDays(2), db.CancellationToken));
        var afterChange = Assert.Single(await store.ListForUserAsync(hanako, db.CancellationToken));
        await store.ConfirmAsync(closing, hanako, 3, Monday.AddDays(3), db.CancellationToken);
        await store.ConfirmAsync(closing, hanako, 2, Monday.AddDays(4), db.CancellationToken);
        var again = Assert.Single(await store.ListForUserAsync(hanako, db.CancellationToken));

        Assert.Equal(ReadingState.Confirmed, confirmed.State);
        Assert.Equal(Monday, confirmed.ConfirmedAt);
        Assert.Equal(ReadingState.Confirmed, afterTypo.State);
        Assert.Equal((ReadingState.RevisionNotConfirmed, 1, 3), (afterChange.State, afterChange.ConfirmedRevision, afterChange.RequiredRevision));
        Assert.Equal((ReadingState.Confirmed, 3, Monday.AddDays(3)), (again.State, again.ConfirmedRevision, again.ConfirmedAt));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListForManualAsync_DepartmentMembersIncludingOnesWhoJoinLater_ButNotDisabledUsers_ByName(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IRequiredReadingStore>();
        var (a, b, c, d) = (await db.CreateUserAsync("a-sato"), await db.CreateUserAsync("b-suzuki"), await db.CreateUserAsync("c-takahashi"), await db.CreateUserAsync("d-tanaka"));
        await JoinAsync(db, a, Accounting);
        await JoinAsync(db, d, Accounting);
        var closing = await CreateManualAsync(db, "月次決算");
        await store.AssignAsync(closing, [b, a], [Accounting], Friday, a, Monday, db.CancellationToken);
        // Assigned again later: the new due date.
        await store.AssignAsync(closing, [b], [], Friday.AddDays(7), a, Monday, db.CancellationToken);
        await JoinAsync(db, c, Accounting);
        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        {
            await connection.ExecuteAsync("UPDATE users SET is_disabled = @yes WHERE id = @d", new { yes = true, d });
        }

        await store.ConfirmAsync(closing, c, 1, Monday, db.CancellationToken);
        var rows = await store.ListForManualAsync(closing, db.CancellationToken);

        Assert.Equal(["a-sato", "b-suzuki", "c-takahashi"], rows.Select(r => r.DisplayName));
        Assert.Equal([Friday, Friday.AddDays(7), Friday], rows.Select(r => r.DueOn));
        Assert.Equal([ReadingState.NotRead, ReadingState.NotRead, ReadingState.Confirmed], rows.Select(r => r.State));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RemoveAsync_ADepartmentsAssignment_ItsMembersLeave_ThePersonAssignedDirectlyAndTheConfirmationsStay(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IRequiredReadingStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var taro = await db.CreateUserAsync("taro");
        await JoinAsync(db, hanako, Accounting);
        var closing = await CreateManualAsync(db, "月次決算");
        var other = await CreateManualAsync(db, "経費精算");
        await store.AssignAsync(closing, [taro], [Accounting], Friday, taro, Monday, db.CancellationToken);
        await store.ConfirmAsync(closing, hanako, 1, Monday, db.CancellationToken);

        var targets = await store.ListTargetsAsync(closing, db.CancellationToken);
        var department = targets.Single(t => t.DepartmentId == Accounting);
        Assert.False(await store.RemoveAsync(other, department.Id, db.CancellationToken));
        Assert.True(await store.RemoveAsync(closing, department.Id, db.CancellationToken));

        Assert.Equal([("taro", (long?)taro, (long?)null, Friday), ("経理・財務", null, Accounting, Friday)], targets.Select(t => (t.Name, t.UserId, t.DepartmentId, t.DueOn)));
        Assert.Equal([taro], (await store.ListForManualAsync(closing, db.CancellationToken)).Select(r => r.UserId));
        await store.AssignAsync(closing, [], [Accounting], Friday, taro, Monday, db.CancellationToken);
        Assert.Equal(ReadingState.Confirmed, Assert.Single(await store.ListForUserAsync(hanako, db.CancellationToken)).State);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecordOpenAsync_OpenedIsShownUntilConfirmed_AndAnOlderRevisionNeverReplacesALaterOne(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IRequiredReadingStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var closing = await CreateManualAsync(db, "月次決算");
        await store.AssignAsync(closing, [hanako], [], Friday, hanako, Monday, db.CancellationToken);

        await store.RecordOpenAsync(closing, hanako, 2, Monday, db.CancellationToken);
        await store.RecordOpenAsync(closing, hanako, 1, Monday.AddHours(1), db.CancellationToken);
        var opened = Assert.Single(await store.ListForManualAsync(closing, db.CancellationToken));
        var due = Assert.Single(await store.ListDueAsync(Friday, db.CancellationToken));
        await store.ConfirmAsync(closing, hanako, 2, Monday.AddHours(2), db.CancellationToken);

        Assert.Equal((2, ReadingState.Opened), (opened.OpenedRevision, opened.State));
        Assert.Equal(ReadingState.Opened, due.State);
        Assert.Equal(ReadingState.Confirmed, Assert.Single(await store.ListForUserAsync(hanako, db.CancellationToken)).State);
    }

    private static ManualDraft Draft(string title, string note) =>
        new(title, Accounting, ManualVisibility.Company, ManualStatus.Published, null, [], "## 手順\n1. 画面を開きます。\n\n" + note, note);

    private static async Task<long> CreateManualAsync(TestDatabase db, string title) =>
        await db.Services.GetRequiredService<IManualStore>().CreateAsync(Draft(title, "作成"), Sato, null, Monday, db.CancellationToken);

    private static async Task JoinAsync(TestDatabase db, long userId, long departmentId)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO user_departments (user_id, department_id) VALUES (@userId, @departmentId)", new { userId, departmentId });
    }
}
