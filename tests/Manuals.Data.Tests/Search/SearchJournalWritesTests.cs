using System.Data.Common;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Core.Templates;
using Manuals.Data.Tests.Coverage;
using Manuals.Data.Tests.Handovers;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search;

/// <summary>
/// Every store method that changes what search shows of a manual, or who may see it, journals exactly the expected rows
/// in the transaction of the change: a change that rolls back leaves none, and a journal row that cannot be written
/// rolls the change back (a trigger that refuses journal rows stands in for any failure after the append).
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchJournalWritesTests
{
    private static readonly DateTimeOffset Now = CoverageData.Monday;
    private static readonly Author Writer = new(null, "佐藤 一郎");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualCreateAsync_NewManual_JournalsOneUpsert(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);

        Assert.Equal([(id, "upsert")], await JournalAfterAsync(db, 0));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualCreateAsync_JournalRefused_NoManualIsCreated(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await RefuseJournalRowsAsync(db);

        await Assert.ThrowsAnyAsync<DbException>(() => Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken));

        Assert.Equal(0, await Manuals(db).CountAsync(db.CancellationToken));
        Assert.Empty(await JournalAfterAsync(db, 0));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualTryUpdateAsync_Saved_JournalsOneUpsert(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        var mark = await LatestAsync(db);

        Assert.True(await Manuals(db).TryUpdateAsync(id, 1, Draft("月次決算の手順（改訂）"), Writer, Now, db.CancellationToken));

        Assert.Equal([(id, "upsert")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualTryUpdateAsync_StaleRevision_JournalsNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        Assert.True(await Manuals(db).TryUpdateAsync(id, 1, Draft("改訂1"), Writer, Now, db.CancellationToken));
        var mark = await LatestAsync(db);

        Assert.False(await Manuals(db).TryUpdateAsync(id, 1, Draft("改訂2"), Writer, Now, db.CancellationToken));

        Assert.Empty(await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualTryUpdateAsync_JournalRefused_SaveIsRolledBack(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        var mark = await LatestAsync(db);
        await RefuseJournalRowsAsync(db);

        await Assert.ThrowsAnyAsync<DbException>(() => Manuals(db).TryUpdateAsync(id, 1, Draft("改訂"), Writer, Now, db.CancellationToken));

        var manual = (await Manuals(db).FindAsync(id, db.CancellationToken))!;
        Assert.Equal(("月次決算の手順", 1), (manual.Title, manual.RevisionNumber));
        Assert.Empty(await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualRestore_ThroughTryUpdateAsync_JournalsOneUpsert(SqlEngine engine)
    {
        // ManualService.RestoreAsync saves the old revision's text as a new revision through TryUpdateAsync.
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        Assert.True(await Manuals(db).TryUpdateAsync(id, 1, Draft("改訂"), Writer, Now, db.CancellationToken));
        var first = (await Manuals(db).FindRevisionAsync(id, 1, db.CancellationToken))!;
        var mark = await LatestAsync(db);

        Assert.True(await Manuals(db).TryUpdateAsync(id, 2, Draft(first.Title) with { Body = first.Body }, Writer, Now, db.CancellationToken));

        Assert.Equal([(id, "upsert")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualUpdateSettingsAsync_NewOwner_JournalsOneUpsert(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        var owner = await CoverageData.CreateUserAsync(db, "hanako", "山田 花子");
        var mark = await LatestAsync(db);

        Assert.True(await Manuals(db).UpdateSettingsAsync(id, owner, 90, db.CancellationToken));
        Assert.False(await Manuals(db).UpdateSettingsAsync(424242, owner, 90, db.CancellationToken));

        Assert.Equal([(id, "upsert")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualUpdateSettingsAsync_JournalRefused_OwnerIsUnchanged(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        var owner = await CoverageData.CreateUserAsync(db, "hanako", "山田 花子");
        await RefuseJournalRowsAsync(db);

        await Assert.ThrowsAnyAsync<DbException>(() => Manuals(db).UpdateSettingsAsync(id, owner, 90, db.CancellationToken));

        var manual = (await Manuals(db).FindAsync(id, db.CancellationToken))!;
        Assert.Equal(((long?)null, 180), (manual.OwnerId, manual.ReviewIntervalDays));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManualMarkReviewedAsync_ReviewOnly_JournalsNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        var mark = await LatestAsync(db);

        Assert.True(await Manuals(db).MarkReviewedAsync(id, null, Now, db.CancellationToken));

        Assert.Empty(await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingAManualRow_JournalsADeleteThatOutlivesIt(SqlEngine engine)
    {
        // The application never deletes a manual; the trigger covers a deletion by any other path.
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await Manuals(db).CreateAsync(Draft("月次決算の手順"), Writer, null, Now, db.CancellationToken);
        var mark = await LatestAsync(db);

        await db.QueryAsync<long>("DELETE FROM manuals WHERE id = @id RETURNING id", new { id });

        Assert.Equal([(id, "delete")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandoverCompleteAsync_OwnerMoves_JournalsAnUpsertPerMovedManual(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (handover, successor) = await HandoverAsync(db);
        var first = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var second = await CoverageData.CreateManualAsync(db, "伝票整理");
        var untouched = await CoverageData.CreateManualAsync(db, "経費精算");
        var mark = await LatestAsync(db);
        var plan = HandoverData.EmptyPlan() with { OwnerMoves = [Move(second, successor), Move(first, successor)] };

        Assert.True(await Handovers(db).CompleteAsync(handover, 1, plan, Writer, [], Now, db.CancellationToken));

        Assert.Equal([(first, "upsert"), (second, "upsert")], (await JournalAfterAsync(db, mark)).Order());
        Assert.DoesNotContain(untouched, (await JournalAfterAsync(db, mark)).Select(r => r.ManualId));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandoverCompleteAsync_LaterMoveStale_RollsBackTheEarlierMovesJournalRows(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (handover, successor) = await HandoverAsync(db);
        var moved = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var taken = await CoverageData.CreateManualAsync(db, "伝票整理");
        var other = await CoverageData.CreateUserAsync(db, "other", "別の人");
        Assert.True(await Manuals(db).UpdateSettingsAsync(taken, other, 180, db.CancellationToken));
        var mark = await LatestAsync(db);
        var plan = HandoverData.EmptyPlan() with { OwnerMoves = [Move(moved, successor), Move(taken, successor)] };

        Assert.False(await Handovers(db).CompleteAsync(handover, 1, plan, Writer, [], Now, db.CancellationToken));

        Assert.Empty(await JournalAfterAsync(db, mark));
        Assert.Null((await Manuals(db).FindAsync(moved, db.CancellationToken))!.OwnerId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandoverCompleteAsync_JournalRefused_OwnerIsNotMoved(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (handover, successor) = await HandoverAsync(db);
        var manual = await CoverageData.CreateManualAsync(db, "仕訳入力");
        await RefuseJournalRowsAsync(db);
        var plan = HandoverData.EmptyPlan() with { OwnerMoves = [Move(manual, successor)] };

        await Assert.ThrowsAnyAsync<DbException>(() => Handovers(db).CompleteAsync(handover, 1, plan, Writer, [], Now, db.CancellationToken));

        Assert.Null((await Manuals(db).FindAsync(manual, db.CancellationToken))!.OwnerId);
        Assert.Equal(HandoverStatus.InProgress, (await Handovers(db).FindAsync(handover, db.CancellationToken))!.Status);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TemplateUpdateAsync_Rename_JournalsEveryManualThatNamedItInAnyWidth(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var checklist = (await Templates(db).FindByNameAsync("チェックリスト型", db.CancellationToken))!;
        var onboarding = await CreateManualAsync(db, "入社手続き", "チェックリスト型");
        var offboarding = await CreateManualAsync(db, "退職手続き", "ﾁｪｯｸﾘｽﾄ型");
        await CreateManualAsync(db, "月次決算", "定型業務（月次・年次）");
        await CreateManualAsync(db, "メモ", null);
        var mark = await LatestAsync(db);

        var result = await Templates(db).UpdateAsync(checklist.Id, new("確認リスト型", checklist.Description, checklist.Body, checklist.RequiredSections), Now, db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.Equal([(onboarding, "upsert"), (offboarding, "upsert")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TemplateUpdateAsync_SameName_JournalsNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var checklist = (await Templates(db).FindByNameAsync("チェックリスト型", db.CancellationToken))!;
        await CreateManualAsync(db, "入社手続き", "チェックリスト型");
        var mark = await LatestAsync(db);

        var result = await Templates(db).UpdateAsync(checklist.Id, new(checklist.Name, "説明を変えました", checklist.Body, checklist.RequiredSections), Now, db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.Empty(await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TemplateUpdateAsync_JournalRefused_ManualsKeepTheOldName(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var checklist = (await Templates(db).FindByNameAsync("チェックリスト型", db.CancellationToken))!;
        var onboarding = await CreateManualAsync(db, "入社手続き", "チェックリスト型");
        await RefuseJournalRowsAsync(db);

        await Assert.ThrowsAnyAsync<DbException>(() => Templates(db).UpdateAsync(
            checklist.Id, new("確認リスト型", checklist.Description, checklist.Body, checklist.RequiredSections), Now, db.CancellationToken));

        Assert.Equal("チェックリスト型", (await Manuals(db).FindAsync(onboarding, db.CancellationToken))!.Template);
        Assert.Equal("チェックリスト型", (await Templates(db).FindAsync(checklist.Id, db.CancellationToken))!.Name);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskCreateAsync_WithLinks_JournalsEachLinkedManual(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var first = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var second = await CoverageData.CreateManualAsync(db, "伝票整理");
        var mark = await LatestAsync(db);

        await CoverageData.CreateTaskAsync(db, "月次決算", CoverageData.Accounting, second, first, second);

        Assert.Equal([(first, "upsert"), (second, "upsert")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskUpdateAsync_Rename_JournalsEachLinkedManual(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var first = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var second = await CoverageData.CreateManualAsync(db, "伝票整理");
        await CoverageData.CreateManualAsync(db, "経費精算");
        var taskId = await CoverageData.CreateTaskAsync(db, "月次決算", CoverageData.Accounting, first, second);
        var task = (await Tasks(db).FindAsync(taskId, db.CancellationToken))!;
        var mark = await LatestAsync(db);
        task.Name = "月次決算（連結）";

        Assert.Equal(WriteStatus.Written, await Tasks(db).UpdateAsync(task, Now, db.CancellationToken));

        Assert.Equal([(first, "upsert"), (second, "upsert")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskUpdateAsync_DuplicateNameOrUnknown_JournalsNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var manual = await CoverageData.CreateManualAsync(db, "仕訳入力");
        await CoverageData.CreateTaskAsync(db, "支払処理");
        var taskId = await CoverageData.CreateTaskAsync(db, "月次決算", CoverageData.Accounting, manual);
        var task = (await Tasks(db).FindAsync(taskId, db.CancellationToken))!;
        var mark = await LatestAsync(db);

        task.Name = "支払処理";
        Assert.Equal(WriteStatus.Duplicate, await Tasks(db).UpdateAsync(task, Now, db.CancellationToken));
        task.Id = 424242;
        Assert.Equal(WriteStatus.NotFound, await Tasks(db).UpdateAsync(task, Now, db.CancellationToken));

        Assert.Empty(await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskUpdateAsync_JournalRefused_NameIsUnchanged(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var manual = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var taskId = await CoverageData.CreateTaskAsync(db, "月次決算", CoverageData.Accounting, manual);
        var task = (await Tasks(db).FindAsync(taskId, db.CancellationToken))!;
        await RefuseJournalRowsAsync(db);
        task.Name = "月次決算（連結）";

        await Assert.ThrowsAnyAsync<DbException>(() => Tasks(db).UpdateAsync(task, Now, db.CancellationToken));

        Assert.Equal("月次決算", (await Tasks(db).FindAsync(taskId, db.CancellationToken))!.Name);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskLinkAndUnlink_ChangedLink_JournalsTheManualOnceEach(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var manual = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var taskId = await CoverageData.CreateTaskAsync(db, "月次決算");
        var mark = await LatestAsync(db);

        Assert.True(await Tasks(db).LinkManualAsync(taskId, manual, db.CancellationToken));
        Assert.True(await Tasks(db).LinkManualAsync(taskId, manual, db.CancellationToken));
        Assert.False(await Tasks(db).LinkManualAsync(taskId, 424242, db.CancellationToken));
        Assert.True(await Tasks(db).UnlinkManualAsync(taskId, manual, db.CancellationToken));
        Assert.False(await Tasks(db).UnlinkManualAsync(taskId, manual, db.CancellationToken));

        Assert.Equal([(manual, "upsert"), (manual, "upsert")], await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskLinkAndUnlink_JournalRefused_LinkIsUnchanged(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var linked = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var unlinked = await CoverageData.CreateManualAsync(db, "伝票整理");
        var taskId = await CoverageData.CreateTaskAsync(db, "月次決算", CoverageData.Accounting, linked);
        await RefuseJournalRowsAsync(db);

        await Assert.ThrowsAnyAsync<DbException>(() => Tasks(db).LinkManualAsync(taskId, unlinked, db.CancellationToken));
        await Assert.ThrowsAnyAsync<DbException>(() => Tasks(db).UnlinkManualAsync(taskId, linked, db.CancellationToken));

        Assert.Equal([linked], (await Tasks(db).FindAsync(taskId, db.CancellationToken))!.ManualIds);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskSaveManyAsync_ChangedLinks_JournalsManualsLinkedBeforeOrAfter(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var dropped = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var kept = await CoverageData.CreateManualAsync(db, "伝票整理");
        var added = await CoverageData.CreateManualAsync(db, "経費精算");
        var unrelated = await CoverageData.CreateManualAsync(db, "給与計算");
        var taskId = await CoverageData.CreateTaskAsync(db, "月次決算", CoverageData.Accounting, dropped, kept);
        var task = (await Tasks(db).FindAsync(taskId, db.CancellationToken))!;
        task.ManualIds = [kept, added];
        var mark = await LatestAsync(db);

        Assert.True(await Tasks(db).SaveManyAsync([task, CoverageData.Task("支払処理", CoverageData.Accounting, unrelated)], Now, db.CancellationToken));

        Assert.Equal(
            [(dropped, "upsert"), (kept, "upsert"), (added, "upsert"), (unrelated, "upsert")],
            await JournalAfterAsync(db, mark));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TaskSaveManyAsync_LaterTaskUnknown_RollsBackTheEarlierTasksJournalRows(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var manual = await CoverageData.CreateManualAsync(db, "仕訳入力");
        var unknown = CoverageData.Task("支払処理");
        unknown.Id = 424242;
        var mark = await LatestAsync(db);

        Assert.False(await Tasks(db).SaveManyAsync([CoverageData.Task("月次決算", CoverageData.Accounting, manual), unknown], Now, db.CancellationToken));

        Assert.Empty(await JournalAfterAsync(db, mark));
        Assert.Equal(0, await Tasks(db).CountAsync(db.CancellationToken));
    }

    private static IManualStore Manuals(TestDatabase db) => db.Services.GetRequiredService<IManualStore>();

    private static IHandoverStore Handovers(TestDatabase db) => db.Services.GetRequiredService<IHandoverStore>();

    private static ITemplateStore Templates(TestDatabase db) => db.Services.GetRequiredService<ITemplateStore>();

    private static IBusinessTaskStore Tasks(TestDatabase db) => db.Services.GetRequiredService<IBusinessTaskStore>();

    private static ManualDraft Draft(string title) =>
        new(title, CoverageData.Accounting, ManualVisibility.Department, ManualStatus.Published, null, ["決算"], "## 目的\n" + title, "保存");

    private static Task<long> CreateManualAsync(TestDatabase db, string title, string? template) =>
        Manuals(db).CreateAsync(Draft(title) with { Template = template }, Writer, null, Now, db.CancellationToken);

    private static ManualOwnerMove Move(long manualId, long toUserId) => new(manualId, "手順", null, "", toUserId, "鈴木 花子");

    /// <summary>An in-progress handover (version 1) and the user account its manuals move to.</summary>
    private static async Task<(long Handover, long SuccessorUser)> HandoverAsync(TestDatabase db)
    {
        var employee = await CoverageData.CreateEmployeeAsync(db, "山田 太郎");
        var handover = await HandoverData.CreateAsync(db, HandoverData.Handover(employee, []));
        return (handover, await CoverageData.CreateUserAsync(db, "suzuki", "鈴木 花子"));
    }

    private static Task<long> LatestAsync(TestDatabase db) =>
        db.Services.GetRequiredService<ISearchJournal>().LatestSequenceAsync(db.CancellationToken);

    private static async Task<List<(long ManualId, string Kind)>> JournalAfterAsync(TestDatabase db, long after) =>
        (await db.QueryAsync<(long, string)>("SELECT manual_id, kind FROM search_journal WHERE sequence > @after ORDER BY sequence", new { after })).ToList();

    /// <summary>From now on the database refuses every journal row, as any failure after the append would.</summary>
    private static async Task RefuseJournalRowsAsync(TestDatabase db)
    {
        var sql = db.Engine == SqlEngine.Postgres
            ? """
              CREATE FUNCTION refuse_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                  RAISE EXCEPTION 'journal row refused by the test';
              END;
              $$;
              CREATE TRIGGER refuse_journal_row BEFORE INSERT ON search_journal FOR EACH ROW EXECUTE FUNCTION refuse_journal_row();
              """
            : """
              CREATE TRIGGER refuse_journal_row BEFORE INSERT ON search_journal
              BEGIN
                  SELECT RAISE(ABORT, 'journal row refused by the test');
              END;
              """;
        await db.QueryAsync<long>(sql);
    }
}
