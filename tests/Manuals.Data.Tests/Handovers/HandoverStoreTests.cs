using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Data.Tests.Coverage.CoverageData;
using static Manuals.Data.Tests.Handovers.HandoverData;

namespace Manuals.Data.Tests.Handovers;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class HandoverStoreTests
{
    private static readonly DateOnly December1 = new(2026, 12, 1);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_ThenFindAsync_RoundTripsHeaderItemsAndCommonItems(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var closing = await CreateTaskAsync(db, "月次決算");
        var payments = await CreateTaskAsync(db, "支払処理");
        var yamada = await CreateEmployeeAsync(db, "山田 太郎");
        var suzuki = await CreateEmployeeAsync(db, "鈴木 花子");
        var handover = HandoverData.Handover(
            yamada,
            [
                // Stored in the order given, not by task id.
                new HandoverItem
                {
                    TaskId = payments,
                    Basis = HandoverItemBasis.Primary | HandoverItemBasis.OnlyCapable,
                    SuccessorId = suzuki,
                    DueBefore = new DateOnly(2026, 11, 25),
                    DueAfter = new DateOnly(2026, 12, 25),
                    Checks = HandoverChecks.ManualChecked | HandoverChecks.AccessTransferred,
                    Note = "振込データは前日までに作成",
                },
                new HandoverItem { TaskId = closing, Basis = HandoverItemBasis.OnlyCapable, SuccessorId = null, DueAfter = new DateOnly(2026, 12, 31) },
            ]);
        handover.CommonItems =
        [
            new(CommonItemKind.Accounts, "会計システムの権限", true),
            new(CommonItemKind.FileLocations, @"\\fs01\経理", false),
            new(CommonItemKind.Contacts, "", false),
            new(CommonItemKind.WorkInProgress, "", false),
            new(CommonItemKind.Equipment, "ノートPC", true),
        ];

        var id = await store.CreateAsync(handover, Event(HandoverEventKind.Started, "山田 太郎", "Transfer", "2026-12-01"), db.CancellationToken);
        var found = await store.FindAsync(id, db.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal((id, yamada, "山田 太郎", Accounting), (found.Id, found.EmployeeId, found.EmployeeName, found.DepartmentId));
        Assert.Equal((HandoverReason.Transfer, December1, Manager, "4月から営業部へ"), (found.Reason, found.EffectiveDate, found.ManagerName, found.Note));
        Assert.Equal((HandoverStatus.InProgress, 1, Manager), (found.Status, found.Version, found.CreatedByName));
        Assert.Equal((Now, Now, (DateTimeOffset?)null), (found.CreatedAt, found.UpdatedAt, found.CompletedAt));
        Assert.Equal([payments, closing], found.Items.Select(i => i.TaskId));
        var first = found.Items[0];
        Assert.Equal("支払処理", first.TaskName);
        Assert.Equal(HandoverItemBasis.Primary | HandoverItemBasis.OnlyCapable, first.Basis);
        Assert.Equal(suzuki, first.SuccessorId);
        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 25)), (first.DueBefore, first.DueAfter));
        Assert.Equal(HandoverChecks.ManualChecked | HandoverChecks.AccessTransferred, first.Checks);
        Assert.Equal("振込データは前日までに作成", first.Note);
        var second = found.Items[1];
        Assert.Equal(("月次決算", HandoverItemBasis.OnlyCapable, (long?)null), (second.TaskName, second.Basis, second.SuccessorId));
        Assert.Equal(((DateOnly?)null, new DateOnly(2026, 12, 31)), (second.DueBefore, second.DueAfter));
        Assert.Equal((HandoverChecks.None, ""), (second.Checks, second.Note));
        Assert.Equal(handover.CommonItems, found.CommonItems);
        Assert.Empty(found.Signatures);
        var started = Assert.Single(await store.ListEventsAsync(id, db.CancellationToken));
        Assert.Equal((HandoverEventKind.Started, Manager, Now), (started.Kind, started.ActorName, started.At));
        Assert.Equal(["山田 太郎", "Transfer", "2026-12-01"], started.Args);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsync_UnknownId_Null(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        Assert.Null(await db.Services.GetRequiredService<IHandoverStore>().FindAsync(42, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_Filters_ByStatusDepartmentDateRangeAndEmployee_OpenOnesFirst(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var a = await CreateEmployeeAsync(db, "A");
        var b = await CreateEmployeeAsync(db, "B");
        var c = await CreateEmployeeAsync(db, "C", Hr);
        var late = await CreateAsync(db, WithDate(HandoverData.Handover(a, []), new DateOnly(2027, 1, 15)));
        var early = await CreateAsync(db, WithDate(HandoverData.Handover(b, []), new DateOnly(2026, 12, 1)));
        var hr = await CreateAsync(db, WithDate(HandoverData.Handover(c, [], Hr), new DateOnly(2026, 12, 20)));
        // The earliest of all, but completed: it comes after the open ones.
        var done = await CreateAsync(db, WithDate(HandoverData.Handover(a, []), new DateOnly(2026, 11, 1)));
        Assert.True(await store.CompleteAsync(done, 1, EmptyPlan(), new Author(null, Manager), [], Now, db.CancellationToken));

        async Task<IEnumerable<long>> Ids(HandoverFilter filter) => (await store.ListAsync(filter, db.CancellationToken)).Select(s => s.Id);

        Assert.Equal([early, hr, late, done], await Ids(new HandoverFilter()));
        Assert.Equal([early, hr, late], await Ids(new HandoverFilter(HandoverStatus.InProgress)));
        Assert.Equal([done], await Ids(new HandoverFilter(HandoverStatus.Completed)));
        Assert.Equal([early, late, done], await Ids(new HandoverFilter(DepartmentId: Accounting)));
        Assert.Equal([hr], await Ids(new HandoverFilter(DepartmentId: Hr)));
        Assert.Equal([early, hr], await Ids(new HandoverFilter(From: new DateOnly(2026, 12, 1), To: new DateOnly(2026, 12, 20))));
        Assert.Equal([late], await Ids(new HandoverFilter(From: new DateOnly(2026, 12, 21))));
        Assert.Equal([done], await Ids(new HandoverFilter(To: new DateOnly(2026, 11, 30))));
        Assert.Equal([late, done], await Ids(new HandoverFilter(EmployeeId: a)));
        Assert.Equal([late], await Ids(new HandoverFilter(HandoverStatus.InProgress, Accounting, EmployeeId: a)));
        Assert.Empty(await Ids(new HandoverFilter(HandoverStatus.Completed, Hr)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_Summary_CountsItemsAndTickedBoxes(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var first = await CreateTaskAsync(db, "月次決算");
        var second = await CreateTaskAsync(db, "支払処理");
        var third = await CreateTaskAsync(db, "経費精算");
        var yamada = await CreateEmployeeAsync(db, "山田 太郎");
        var handover = HandoverData.Handover(
            yamada,
            [
                Item(first, null, (HandoverChecks)0b1011),
                Item(second, null, HandoverChecks.DoneAlone),
                Item(third, null),
            ]);
        handover.CommonItems =
        [
            new(CommonItemKind.Accounts, "", true),
            new(CommonItemKind.FileLocations, "", false),
            new(CommonItemKind.Contacts, "", true),
            new(CommonItemKind.WorkInProgress, "", false),
            new(CommonItemKind.Equipment, "", false),
        ];
        var id = await CreateAsync(db, handover);

        var summary = Assert.Single(await store.ListAsync(new HandoverFilter(), db.CancellationToken));

        Assert.Equal((id, yamada, "山田 太郎", Accounting), (summary.Id, summary.EmployeeId, summary.EmployeeName, summary.DepartmentId));
        Assert.Equal((HandoverReason.Transfer, December1, Manager, HandoverStatus.InProgress), (summary.Reason, summary.EffectiveDate, summary.ManagerName, summary.Status));
        Assert.Equal(Now, summary.CreatedAt);
        Assert.Equal(3, summary.ItemCount);
        Assert.Equal(3 + 1 + 2, summary.DoneBoxes);
        Assert.Equal((3 * 4) + 5, summary.TotalBoxes);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_NoItems_ZeroBoxesFromItems(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var handover = HandoverData.Handover(await CreateEmployeeAsync(db, "山田 太郎"), []);
        handover.CommonItems = [new(CommonItemKind.Equipment, "", true)];
        await CreateAsync(db, handover);

        var summary = Assert.Single(await store.ListAsync(new HandoverFilter(), db.CancellationToken));

        Assert.Equal((0, 1, 1), (summary.ItemCount, summary.DoneBoxes, summary.TotalBoxes));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_CurrentVersion_ReplacesHeaderItemsAndCommonItemsAndBumpsVersion(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var closing = await CreateTaskAsync(db, "月次決算");
        var payments = await CreateTaskAsync(db, "支払処理");
        var expenses = await CreateTaskAsync(db, "経費精算");
        var yamada = await CreateEmployeeAsync(db, "山田 太郎");
        var suzuki = await CreateEmployeeAsync(db, "鈴木 花子");
        var id = await CreateAsync(db, HandoverData.Handover(yamada, [Item(closing, null), Item(payments, null)]));
        var handover = (await store.FindAsync(id, db.CancellationToken))!;
        handover.Reason = HandoverReason.Leaving;
        handover.EffectiveDate = new DateOnly(2027, 3, 31);
        handover.ManagerName = "課長 二郎";
        handover.Note = "";
        handover.UpdatedAt = Now.AddHours(1);
        handover.Items =
        [
            Item(expenses, suzuki, HandoverChecks.DoneTogether),
            Item(closing, suzuki, HandoverChecks.ManualChecked | HandoverChecks.DoneAlone),
        ];
        handover.CommonItems = [new(CommonItemKind.Accounts, "返却済み", true)];

        var saved = await store.SaveAsync(handover, 1, new HandoverEvent(HandoverEventKind.Saved, [], "課長 二郎", Now.AddHours(1)), db.CancellationToken);

        Assert.True(saved);
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal((HandoverReason.Leaving, new DateOnly(2027, 3, 31), "課長 二郎", ""), (found.Reason, found.EffectiveDate, found.ManagerName, found.Note));
        Assert.Equal((2, Now, Now.AddHours(1)), (found.Version, found.CreatedAt, found.UpdatedAt));
        Assert.Equal(
            [(expenses, (long?)suzuki, HandoverChecks.DoneTogether), (closing, suzuki, HandoverChecks.ManualChecked | HandoverChecks.DoneAlone)],
            found.Items.Select(i => (i.TaskId, i.SuccessorId, i.Checks)));
        Assert.Equal([new HandoverCommonItem(CommonItemKind.Accounts, "返却済み", true)], found.CommonItems);
        var events = await store.ListEventsAsync(id, db.CancellationToken);
        Assert.Equal([HandoverEventKind.Started, HandoverEventKind.Saved], events.Select(e => e.Kind));
        Assert.Equal(("課長 二郎", Now.AddHours(1)), (events[1].ActorName, events[1].At));
        Assert.Empty(events[1].Args);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_StaleVersion_FalseAndNothingWritten(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var closing = await CreateTaskAsync(db, "月次決算");
        var yamada = await CreateEmployeeAsync(db, "山田 太郎");
        var id = await CreateAsync(db, HandoverData.Handover(yamada, [Item(closing, null)]));
        var first = (await store.FindAsync(id, db.CancellationToken))!;
        first.ManagerName = "先に保存した人";
        Assert.True(await store.SaveAsync(first, 1, Event(HandoverEventKind.Saved), db.CancellationToken));
        var stale = (await store.FindAsync(id, db.CancellationToken))!;
        stale.ManagerName = "後から保存した人";
        stale.Items = [];
        stale.CommonItems = [];

        var saved = await store.SaveAsync(stale, 1, Event(HandoverEventKind.Saved), db.CancellationToken);

        Assert.False(saved);
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal(("先に保存した人", 2), (found.ManagerName, found.Version));
        Assert.Equal([closing], found.Items.Select(i => i.TaskId));
        Assert.Equal(5, found.CommonItems.Count);
        Assert.Equal(2, (await store.ListEventsAsync(id, db.CancellationToken)).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_Completed_FalseAndNothingWritten(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await CreateAsync(db, HandoverData.Handover(await CreateEmployeeAsync(db, "山田 太郎"), []));
        Assert.True(await store.CompleteAsync(id, 1, EmptyPlan(), new Author(null, Manager), [], Now, db.CancellationToken));
        var completed = (await store.FindAsync(id, db.CancellationToken))!;
        completed.ManagerName = "変更";

        var saved = await store.SaveAsync(completed, completed.Version, Event(HandoverEventKind.Saved), db.CancellationToken);

        Assert.False(saved);
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal((Manager, HandoverStatus.Completed, 2), (found.ManagerName, found.Status, found.Version));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SignAsync_BoxesPerPersonThenAgainThenUnsign_StoredKeptAndRemoved(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var yamada = await CreateEmployeeAsync(db, "山田 太郎");
        var suzuki = await CreateEmployeeAsync(db, "鈴木 花子");
        var sato = await CreateEmployeeAsync(db, "佐藤 次郎");
        var id = await CreateAsync(db, HandoverData.Handover(yamada, []));
        var signed = new HandoverSignature(SignOffRole.Predecessor, yamada, "山田 太郎", new DateOnly(2026, 11, 20), null, "山田 太郎", Now, false);
        var again = new HandoverSignature(SignOffRole.Predecessor, yamada, "山田 太郎（代筆）", new DateOnly(2026, 11, 21), null, "課長 二郎", Now.AddDays(1), true);
        var first = new HandoverSignature(SignOffRole.Successor, suzuki, "鈴木 花子", new DateOnly(2026, 11, 21), null, "鈴木 花子", Now.AddDays(1), false);
        var second = new HandoverSignature(SignOffRole.Successor, sato, "佐藤 次郎", new DateOnly(2026, 11, 22), null, Manager, Now.AddDays(2), true);

        Assert.True(await store.SignAsync(id, signed, Event(HandoverEventKind.SignedOff, "Predecessor", "山田 太郎", "2026-11-20"), db.CancellationToken));
        Assert.Equal([signed], (await store.FindAsync(id, db.CancellationToken))!.Signatures);
        Assert.True(await store.SignAsync(id, second, Event(HandoverEventKind.SignedOffOnBehalf, "Successor"), db.CancellationToken));
        Assert.True(await store.SignAsync(id, first, Event(HandoverEventKind.SignedOff, "Successor"), db.CancellationToken));
        // A box already signed stays as it is, and nothing (no version, no audit entry) is written.
        Assert.False(await store.SignAsync(id, again, Event(HandoverEventKind.SignedOff, "Predecessor"), db.CancellationToken));
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal([signed, first, second], found.Signatures);
        Assert.Equal(4, found.Version);
        Assert.True(await store.UnsignAsync(id, SignOffRole.Successor, sato, Event(HandoverEventKind.SignOffWithdrawn, "Successor"), db.CancellationToken));
        Assert.False(await store.UnsignAsync(id, SignOffRole.Manager, 0, Event(HandoverEventKind.SignOffWithdrawn, "Manager"), db.CancellationToken));

        found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal([signed, first], found.Signatures);
        Assert.Equal(5, found.Version);
        var events = await store.ListEventsAsync(id, db.CancellationToken);
        Assert.Equal(
            [HandoverEventKind.Started, HandoverEventKind.SignedOff, HandoverEventKind.SignedOffOnBehalf, HandoverEventKind.SignedOff, HandoverEventKind.SignOffWithdrawn],
            events.Select(e => e.Kind));
        Assert.Equal(["Predecessor", "山田 太郎", "2026-11-20"], events[1].Args);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SignAsync_RecordedByAnAccount_KeepsTheAccount(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var userId = await CreateUserAsync(db, "kacho", "課長 二郎");
        var id = await CreateAsync(db, HandoverData.Handover(await CreateEmployeeAsync(db, "山田 太郎"), []));
        var manager = new HandoverSignature(SignOffRole.Manager, 0, "課長 二郎", December1, userId, "課長 二郎", Now, false);

        Assert.True(await store.SignAsync(id, manager, Event(HandoverEventKind.SignedOff), db.CancellationToken));

        Assert.Equal([manager], (await store.FindAsync(id, db.CancellationToken))!.Signatures);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SignAsync_UnknownHandover_False(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();

        var signed = await store.SignAsync(
            42, new HandoverSignature(SignOffRole.Manager, 0, Manager, December1, null, Manager, Now, false), Event(HandoverEventKind.SignedOff), db.CancellationToken);

        Assert.False(signed);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SignAndUnsign_Completed_FalseAndNothingWritten(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await CreateAsync(db, HandoverData.Handover(await CreateEmployeeAsync(db, "山田 太郎"), []));
        var manager = new HandoverSignature(SignOffRole.Manager, 0, Manager, December1, null, Manager, Now, false);
        Assert.True(await store.SignAsync(id, manager, Event(HandoverEventKind.SignedOff), db.CancellationToken));
        Assert.True(await store.CompleteAsync(id, 2, EmptyPlan(), new Author(null, Manager), [Event(HandoverEventKind.Completed)], Now, db.CancellationToken));

        var signed = await store.SignAsync(
            id, new HandoverSignature(SignOffRole.Successor, 7, "鈴木 花子", December1, null, Manager, Now, true), Event(HandoverEventKind.SignedOff), db.CancellationToken);
        var unsigned = await store.UnsignAsync(id, SignOffRole.Manager, 0, Event(HandoverEventKind.SignOffWithdrawn), db.CancellationToken);

        Assert.False(signed);
        Assert.False(unsigned);
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal([manager], found.Signatures);
        Assert.Equal(3, found.Version);
        Assert.Equal(
            [HandoverEventKind.Started, HandoverEventKind.SignedOff, HandoverEventKind.Completed],
            (await store.ListEventsAsync(id, db.CancellationToken)).Select(e => e.Kind));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_Plan_AppliedWithHistoryOwnersStatusAndEvents(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (store, matrix, scene) = await SceneAsync(db);
        var author = new Author(scene.ManagerUser, Manager);
        var completedAt = Now.AddDays(3);
        var plan = scene.Plan(EmployeeStatus.Transferred);
        HandoverEvent[] events =
        [
            new(HandoverEventKind.Completed, [], Manager, completedAt),
            new(HandoverEventKind.MatrixChanged, ["月次決算", "鈴木 花子", "1", "2", "Backup", "Primary"], Manager, completedAt),
            new(HandoverEventKind.MatrixChanged, ["月次決算", "山田 太郎", "3", "3", "Primary", "None"], Manager, completedAt),
            new(HandoverEventKind.OwnerMoved, ["月次決算手順", "山田 太郎", "鈴木 花子"], Manager, completedAt),
            new(HandoverEventKind.StatusChanged, ["山田 太郎", "Transferred", "2026-12-01"], Manager, completedAt),
        ];

        var completed = await store.CompleteAsync(scene.HandoverId, 1, plan, author, events, completedAt, db.CancellationToken);

        Assert.True(completed);
        var found = (await store.FindAsync(scene.HandoverId, db.CancellationToken))!;
        Assert.Equal((HandoverStatus.Completed, 2, completedAt, (DateTimeOffset?)completedAt), (found.Status, found.Version, found.UpdatedAt, found.CompletedAt));
        Assert.Equal(
            [
                new SkillCell(scene.Yamada, scene.Task, SkillLevel.CanTeach, AssignmentRole.None),
                new SkillCell(scene.Suzuki, scene.Task, SkillLevel.Independent, AssignmentRole.Primary),
            ],
            (await matrix.ListCellsAsync(null, db.CancellationToken)).OrderBy(c => c.EmployeeId));
        var history = await matrix.ListChangesAsync(null, scene.Task, null, 10, db.CancellationToken);
        var fromPlan = history.Where(c => c.ChangedAt == completedAt).OrderBy(c => c.EmployeeId).ToList();
        Assert.Equal(2, fromPlan.Count);
        Assert.All(fromPlan, c => Assert.Equal((scene.ManagerUser, Manager), (c.ChangedById, c.ChangedByName)));
        Assert.Equal((SkillLevel.CanTeach, AssignmentRole.Primary, AssignmentRole.None), (fromPlan[0].FromLevel, fromPlan[0].FromRole, fromPlan[0].ToRole));
        Assert.Equal((SkillLevel.WithGuidance, SkillLevel.Independent), (fromPlan[1].FromLevel, fromPlan[1].ToLevel));
        Assert.Equal(
            [(scene.OwnedManual, (long?)scene.SuzukiUser), (scene.OthersManual, scene.OtherUser)],
            await OwnersAsync(db, scene));
        var yamada = (await db.Services.GetRequiredService<IEmployeeStore>().FindAsync(scene.Yamada, db.CancellationToken))!;
        Assert.Equal((EmployeeStatus.Transferred, (DateOnly?)December1, completedAt), (yamada.Status, yamada.StatusDate, yamada.UpdatedAt));
        var stored = await store.ListEventsAsync(scene.HandoverId, db.CancellationToken);
        Assert.Equal(
            [HandoverEventKind.Started, .. events.Select(e => e.Kind)],
            stored.Select(e => e.Kind));
        Assert.Equal(["月次決算", "鈴木 花子", "1", "2", "Backup", "Primary"], stored[2].Args);
        Assert.Equal(["山田 太郎", "Transferred", "2026-12-01"], stored[5].Args);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_UnownedManual_MovesToSuccessorOnlyWhileStillUnowned(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (store, _, scene) = await SceneAsync(db);
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var orphan = await CreateManualAsync(db, "仕訳入力");
        var taken = await CreateManualAsync(db, "伝票整理");
        Assert.True(await manuals.UpdateSettingsAsync(taken, scene.OtherUser, 180, db.CancellationToken));
        var plan = scene.Plan(null) with { OwnerMoves = [new ManualOwnerMove(orphan, "仕訳入力", null, "", scene.SuzukiUser, "鈴木 花子")] };
        var stale = scene.Plan(null) with { OwnerMoves = [new ManualOwnerMove(taken, "伝票整理", null, "", scene.SuzukiUser, "鈴木 花子")] };

        var refused = await store.CompleteAsync(scene.HandoverId, 1, stale, new Author(null, Manager), [], Now, db.CancellationToken);
        var completed = await store.CompleteAsync(scene.HandoverId, 1, plan, new Author(null, Manager), [], Now, db.CancellationToken);

        Assert.False(refused);
        Assert.True(completed);
        var owners = (await manuals.ListAsync(null, db.CancellationToken)).ToDictionary(m => m.Id, m => m.OwnerId);
        Assert.Equal((scene.SuzukiUser, scene.OtherUser), (owners[orphan], owners[taken]));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_NoNewStatus_EmployeeUnchanged(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (store, _, scene) = await SceneAsync(db);

        var completed = await store.CompleteAsync(scene.HandoverId, 1, scene.Plan(null), new Author(null, Manager), [], Now, db.CancellationToken);

        Assert.True(completed);
        var yamada = (await db.Services.GetRequiredService<IEmployeeStore>().FindAsync(scene.Yamada, db.CancellationToken))!;
        Assert.Equal((EmployeeStatus.Active, (DateOnly?)null), (yamada.Status, yamada.StatusDate));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_OneMatrixCellChangedMeanwhile_WritesNothingAtAll(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (store, matrix, scene) = await SceneAsync(db);
        var plan = scene.Plan(EmployeeStatus.Transferred);
        // Someone demotes the predecessor after the plan was made: the plan's second edit no longer matches.
        Assert.Empty(await matrix.ApplyAsync(
            [new SkillCellEdit(scene.Yamada, scene.Task, SkillLevel.CanTeach, AssignmentRole.Primary, SkillLevel.Independent, AssignmentRole.Primary)],
            new Author(null, "別の人"),
            Now.AddDays(1),
            db.CancellationToken));
        var cellsBefore = await matrix.ListCellsAsync(null, db.CancellationToken);
        var historyBefore = await matrix.ListChangesAsync(null, null, null, 100, db.CancellationToken);

        var completed = await store.CompleteAsync(
            scene.HandoverId, 1, plan, new Author(null, Manager), [Event(HandoverEventKind.Completed)], Now.AddDays(3), db.CancellationToken);

        Assert.False(completed);
        await AssertNothingWrittenAsync(db, scene, cellsBefore, historyBefore.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_StaleVersion_WritesNothingAtAll(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (store, matrix, scene) = await SceneAsync(db);
        var cellsBefore = await matrix.ListCellsAsync(null, db.CancellationToken);
        var historyBefore = await matrix.ListChangesAsync(null, null, null, 100, db.CancellationToken);

        var completed = await store.CompleteAsync(
            scene.HandoverId, 0, scene.Plan(EmployeeStatus.Transferred), new Author(null, Manager), [Event(HandoverEventKind.Completed)], Now, db.CancellationToken);

        Assert.False(completed);
        await AssertNothingWrittenAsync(db, scene, cellsBefore, historyBefore.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_ManualOwnerChangedMeanwhile_WritesNothingAtAll(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (store, matrix, scene) = await SceneAsync(db);
        var plan = scene.Plan(EmployeeStatus.Transferred);
        var manuals = db.Services.GetRequiredService<IManualStore>();
        Assert.True(await manuals.UpdateSettingsAsync(scene.OwnedManual, scene.OtherUser, 180, db.CancellationToken));
        var cellsBefore = await matrix.ListCellsAsync(null, db.CancellationToken);
        var historyBefore = await matrix.ListChangesAsync(null, null, null, 100, db.CancellationToken);

        var completed = await store.CompleteAsync(
            scene.HandoverId, 1, plan, new Author(null, Manager), [Event(HandoverEventKind.Completed)], Now, db.CancellationToken);

        Assert.False(completed);
        Assert.Equal(cellsBefore, await matrix.ListCellsAsync(null, db.CancellationToken));
        Assert.Equal(historyBefore.Count, (await matrix.ListChangesAsync(null, null, null, 100, db.CancellationToken)).Count);
        Assert.Equal([(scene.OwnedManual, (long?)scene.OtherUser), (scene.OthersManual, scene.OtherUser)], await OwnersAsync(db, scene));
        var found = (await store.FindAsync(scene.HandoverId, db.CancellationToken))!;
        Assert.Equal((HandoverStatus.InProgress, 1), (found.Status, found.Version));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_AlreadyCompleted_False(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await CreateAsync(db, HandoverData.Handover(await CreateEmployeeAsync(db, "山田 太郎"), []));
        Assert.True(await store.CompleteAsync(id, 1, EmptyPlan(), new Author(null, Manager), [Event(HandoverEventKind.Completed)], Now, db.CancellationToken));

        var again = await store.CompleteAsync(id, 2, EmptyPlan(), new Author(null, Manager), [Event(HandoverEventKind.Completed)], Now, db.CancellationToken);

        Assert.False(again);
        Assert.Equal(2, (await store.ListEventsAsync(id, db.CancellationToken)).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReopenAsync_Completed_BackInProgressWithTheEvent(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await CreateAsync(db, HandoverData.Handover(await CreateEmployeeAsync(db, "山田 太郎"), []));
        Assert.True(await store.CompleteAsync(id, 1, EmptyPlan(), new Author(null, Manager), [], Now, db.CancellationToken));

        var reopened = await store.ReopenAsync(id, new HandoverEvent(HandoverEventKind.Reopened, ["発令日が延期"], Manager, Now.AddDays(1)), db.CancellationToken);

        Assert.True(reopened);
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal((HandoverStatus.InProgress, 3, (DateTimeOffset?)null, Now.AddDays(1)), (found.Status, found.Version, found.CompletedAt, found.UpdatedAt));
        var last = (await store.ListEventsAsync(id, db.CancellationToken))[^1];
        Assert.Equal((HandoverEventKind.Reopened, Now.AddDays(1)), (last.Kind, last.At));
        Assert.Equal(["発令日が延期"], last.Args);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReopenAsync_Open_FalseAndNothingWritten(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await CreateAsync(db, HandoverData.Handover(await CreateEmployeeAsync(db, "山田 太郎"), []));

        var reopened = await store.ReopenAsync(id, Event(HandoverEventKind.Reopened, "理由"), db.CancellationToken);

        Assert.False(reopened);
        Assert.Equal(1, (await store.FindAsync(id, db.CancellationToken))!.Version);
        Assert.Single(await store.ListEventsAsync(id, db.CancellationToken));
    }

    private static Handover WithDate(Handover handover, DateOnly effectiveDate)
    {
        handover.EffectiveDate = effectiveDate;
        return handover;
    }

    /// <summary>
    /// 山田 (account) is 主担当 level 3 of 月次決算 and hands it to 鈴木 (account, 副担当 level 1). Two manuals are linked:
    /// one owned by 山田's account, one by another account.
    /// </summary>
    private static async Task<(IHandoverStore Store, ISkillMatrixStore Matrix, Scene Scene)> SceneAsync(TestDatabase db)
    {
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var matrix = db.Services.GetRequiredService<ISkillMatrixStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var managerUser = await CreateUserAsync(db, "manager", Manager);
        var yamadaUser = await CreateUserAsync(db, "yamada", "山田 太郎");
        var suzukiUser = await CreateUserAsync(db, "suzuki", "鈴木 花子");
        var otherUser = await CreateUserAsync(db, "sato", "佐藤 健");
        var owned = await CreateManualAsync(db, "月次決算手順");
        var others = await CreateManualAsync(db, "決算スケジュール");
        Assert.True(await manuals.UpdateSettingsAsync(owned, yamadaUser, 180, db.CancellationToken));
        Assert.True(await manuals.UpdateSettingsAsync(others, otherUser, 180, db.CancellationToken));
        var task = await CreateTaskAsync(db, "月次決算", Accounting, owned, others);
        var yamada = await CreateEmployeeWithUserAsync(db, "山田 太郎", yamadaUser);
        var suzuki = await CreateEmployeeWithUserAsync(db, "鈴木 花子", suzukiUser);
        Assert.Empty(await matrix.ApplyAsync(
            [
                new SkillCellEdit(yamada, task, SkillLevel.None, AssignmentRole.None, SkillLevel.CanTeach, AssignmentRole.Primary),
                new SkillCellEdit(suzuki, task, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.Backup),
            ],
            new Author(null, "準備"),
            Now,
            db.CancellationToken));
        var id = await CreateAsync(db, HandoverData.Handover(yamada, [Item(task, suzuki, HandoverChecks.DoneAlone)]));
        return (store, matrix, new Scene(id, task, yamada, suzuki, managerUser, yamadaUser, suzukiUser, otherUser, owned, others));
    }

    private static async Task<IReadOnlyList<(long Id, long? OwnerId)>> OwnersAsync(TestDatabase db, Scene scene)
    {
        var all = await db.Services.GetRequiredService<IManualStore>().ListAsync(null, db.CancellationToken);
        return all.Where(m => m.Id == scene.OwnedManual || m.Id == scene.OthersManual).OrderBy(m => m.Id).Select(m => (m.Id, m.OwnerId)).ToList();
    }

    private static async Task AssertNothingWrittenAsync(TestDatabase db, Scene scene, IReadOnlyList<SkillCell> cellsBefore, int historyBefore)
    {
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var matrix = db.Services.GetRequiredService<ISkillMatrixStore>();
        var found = (await store.FindAsync(scene.HandoverId, db.CancellationToken))!;
        Assert.Equal((HandoverStatus.InProgress, 1, (DateTimeOffset?)null), (found.Status, found.Version, found.CompletedAt));
        Assert.Equal(cellsBefore.OrderBy(c => c.EmployeeId), (await matrix.ListCellsAsync(null, db.CancellationToken)).OrderBy(c => c.EmployeeId));
        Assert.Equal(historyBefore, (await matrix.ListChangesAsync(null, null, null, 100, db.CancellationToken)).Count);
        Assert.Equal([(scene.OwnedManual, (long?)scene.YamadaUser), (scene.OthersManual, scene.OtherUser)], await OwnersAsync(db, scene));
        var yamada = (await db.Services.GetRequiredService<IEmployeeStore>().FindAsync(scene.Yamada, db.CancellationToken))!;
        Assert.Equal((EmployeeStatus.Active, (DateOnly?)null), (yamada.Status, yamada.StatusDate));
        Assert.Equal([HandoverEventKind.Started], (await store.ListEventsAsync(scene.HandoverId, db.CancellationToken)).Select(e => e.Kind));
    }

    private sealed record Scene(
        long HandoverId,
        long Task,
        long Yamada,
        long Suzuki,
        long ManagerUser,
        long YamadaUser,
        long SuzukiUser,
        long OtherUser,
        long OwnedManual,
        long OthersManual)
    {
        /// <summary>The plan completing would make: 鈴木 becomes 主担当 at level 2, 山田 loses the role, 山田's manual moves.</summary>
        public HandoverCompletionPlan Plan(EmployeeStatus? status) => new(
            [
                new SkillCellEdit(Suzuki, Task, SkillLevel.WithGuidance, AssignmentRole.Backup, SkillLevel.Independent, AssignmentRole.Primary),
                new SkillCellEdit(Yamada, Task, SkillLevel.CanTeach, AssignmentRole.Primary, SkillLevel.CanTeach, AssignmentRole.None),
            ],
            [new ManualOwnerMove(OwnedManual, "月次決算手順", YamadaUser, "山田 太郎", SuzukiUser, "鈴木 花子")],
            status,
            new DateOnly(2026, 12, 1),
            [],
            [],
            0);
    }
}
