using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Data.Tests.Coverage.CoverageData;

namespace Manuals.Data.Tests.Coverage;

/// <summary>
/// What employees read of their tasks' manuals (<see cref="ITaskManualConfirmationStore"/>): through the employee's user,
/// per task the manual is linked to, and 確認済 only up to the latest 重要な変更.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class TaskManualConfirmationStoreTests
{
    private static readonly Author Sato = new(null, "佐藤 一郎");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_ConfirmedManuals_OneRowPerEmployeeTaskAndLinkedManual_OfTheDepartmentWhenGiven_NoneWithoutAUser(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITaskManualConfirmationStore>();
        var reading = db.Services.GetRequiredService<IRequiredReadingStore>();
        var closing = await CreateManualAsync(db, "月次決算の手順");
        var payroll = await CreateManualAsync(db, "給与計算の手順", Hr);
        var unlinked = await CreateManualAsync(db, "来客対応");
        var monthly = await CreateTaskAsync(db, "月次決算", Accounting, closing, payroll);
        var yearly = await CreateTaskAsync(db, "年次決算", Accounting, closing);
        var salaries = await CreateTaskAsync(db, "給与計算", Hr, payroll);
        var hanakoUser = await db.CreateUserAsync("hanako");
        var jiroUser = await db.CreateUserAsync("jiro");
        var otherUser = await db.CreateUserAsync("other");
        var hanako = await CreateLinkedEmployeeAsync(db, "鈴木 花子", hanakoUser);
        var jiro = await CreateLinkedEmployeeAsync(db, "田中 次郎", jiroUser);
        var saburo = await CreateEmployeeAsync(db, "山本 三郎");
        await reading.ConfirmAsync(closing, hanakoUser, 1, Monday, db.CancellationToken);
        await reading.ConfirmAsync(unlinked, hanakoUser, 1, Monday, db.CancellationToken);
        await reading.ConfirmAsync(payroll, jiroUser, 1, Monday.AddDays(1), db.CancellationToken);
        await reading.ConfirmAsync(closing, otherUser, 1, Monday, db.CancellationToken);

        var all = await store.ListAsync([hanako, jiro, saburo], null, db.CancellationToken);
        var accounting = await store.ListAsync([hanako, jiro, saburo], Accounting, db.CancellationToken);
        var onlyJiro = await store.ListAsync([jiro], null, db.CancellationToken);
        var nobody = await store.ListAsync([saburo], null, db.CancellationToken);
        var none = await store.ListAsync([], null, db.CancellationToken);

        Assert.Equal(
            [(hanako, monthly, closing), (hanako, yearly, closing), (jiro, monthly, payroll), (jiro, salaries, payroll)],
            all.Select(r => (r.EmployeeId, r.TaskId, r.ManualId)).Order());
        Assert.All(all, r => Assert.Equal((1, true, ReadingState.Confirmed), (r.ConfirmedRevision, r.IsConfirmed, r.State)));
        Assert.Equal(
            [(hanako, monthly, closing), (hanako, yearly, closing), (jiro, monthly, payroll)],
            accounting.Select(r => (r.EmployeeId, r.TaskId, r.ManualId)).Order());
        Assert.Equal(
            [(jiro, monthly, payroll, Monday.AddDays(1)), (jiro, salaries, payroll, Monday.AddDays(1))],
            onlyJiro.Select(r => (r.EmployeeId, r.TaskId, r.ManualId, r.ConfirmedAt)).Order());
        Assert.Empty(nobody);
        Assert.Empty(none);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_MaterialChangeAfterTheConfirmedRevision_NotConfirmedUntilReadAgain(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITaskManualConfirmationStore>();
        var reading = db.Services.GetRequiredService<IRequiredReadingStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var closing = await manuals.CreateAsync(Draft("作成"), Sato, null, Monday, db.CancellationToken);
        var task = await CreateTaskAsync(db, "月次決算", Accounting, closing);
        var user = await db.CreateUserAsync("hanako");
        var hanako = await CreateLinkedEmployeeAsync(db, "鈴木 花子", user);
        await reading.ConfirmAsync(closing, user, 1, Monday, db.CancellationToken);

        // A typo fix (revision 2) asks nothing; a 重要な変更 (revision 3) does, and reading revision 2 meanwhile is not enough.
        Assert.True(await manuals.TryUpdateAsync(closing, 1, Draft("誤字を修正"), Sato, Monday.AddDays(1), db.CancellationToken));
        var afterTypo = Assert.Single(await store.ListAsync([hanako], null, db.CancellationToken));
        Assert.True(await manuals.TryUpdateAsync(closing, 2, Draft("締め日を変更") with { MaterialChange = true }, Sato, Monday.AddDays(2), db.CancellationToken));
        var afterChange = Assert.Single(await store.ListAsync([hanako], null, db.CancellationToken));
        await reading.ConfirmAsync(closing, user, 2, Monday.AddDays(3), db.CancellationToken);
        var olderRevision = Assert.Single(await store.ListAsync([hanako], null, db.CancellationToken));
        await reading.ConfirmAsync(closing, user, 3, Monday.AddDays(4), db.CancellationToken);
        Assert.True(await manuals.TryUpdateAsync(closing, 3, Draft("表現を調整"), Sato, Monday.AddDays(5), db.CancellationToken));
        var again = Assert.Single(await store.ListAsync([hanako], null, db.CancellationToken));

        Assert.Equal((1, true), (afterTypo.ConfirmedRevision, afterTypo.IsConfirmed));
        Assert.Equal((1, false, ReadingState.RevisionNotConfirmed), (afterChange.ConfirmedRevision, afterChange.IsConfirmed, afterChange.State));
        Assert.Equal((2, false), (olderRevision.ConfirmedRevision, olderRevision.IsConfirmed));
        Assert.Equal((task, 3, true, Monday.AddDays(4)), (again.TaskId, again.ConfirmedRevision, again.IsConfirmed, again.ConfirmedAt));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_ADepartmentsWorthOfIds_OneQueryAnswersForThemAll(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITaskManualConfirmationStore>();
        var closing = await CreateManualAsync(db, "月次決算の手順");
        var task = await CreateTaskAsync(db, "月次決算", Accounting, closing);
        var user = await db.CreateUserAsync("hanako");
        var hanako = await CreateLinkedEmployeeAsync(db, "鈴木 花子", user);
        await db.Services.GetRequiredService<IRequiredReadingStore>().ConfirmAsync(closing, user, 1, Monday, db.CancellationToken);
        // Ids of people who do not exist (or were deleted meanwhile) around the one who does.
        var ids = Enumerable.Range(1, 2_000).Select(i => hanako + i).Append(hanako).ToList();

        var rows = await store.ListAsync(ids, null, db.CancellationToken);

        var row = Assert.Single(rows);
        Assert.Equal((hanako, task), (row.EmployeeId, row.TaskId));
    }

    private static async Task<long> CreateLinkedEmployeeAsync(TestDatabase db, string name, long userId)
    {
        var employee = Employee(name);
        employee.UserId = userId;
        return (await db.Services.GetRequiredService<IEmployeeStore>().CreateAsync(employee, Monday, db.CancellationToken))!.Value;
    }

    private static ManualDraft Draft(string note) =>
        new("月次決算の手順", Accounting, ManualVisibility.Company, ManualStatus.Published, null, [], "## 手順\n1. 画面を開きます。\n\n" + note, note);
}
