using Manuals.Core;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Data.Tests.Coverage.CoverageData;
using static Manuals.Data.Tests.Handovers.HandoverData;

namespace Manuals.Data.Tests.Handovers;

/// <summary>
/// The real <see cref="HandoverService"/> over the real stores, registered as the application registers them: the
/// whole path from starting a handover to the changes completion makes.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class HandoverServiceTests
{
    private static readonly DateTimeOffset Clock = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly CoverageMoment Moment = new(Clock, new DateOnly(2026, 11, 21));
    private static readonly DateOnly Effective = new(2026, 12, 1);
    private static readonly Author Author = new(null, Manager);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_StartedSavedWithDoneAloneAndSignedByAllThree_ChangesMatrixOwnerAndStatus(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var store = db.Services.GetRequiredService<IHandoverStore>();

        var started = await service.StartAsync(scene.Admin, Author, new HandoverStart(scene.Yamada, HandoverReason.Transfer, Effective, Manager, "営業部へ異動"), Moment, db.CancellationToken);
        Assert.Equal(SaveOutcome.Saved, started.Outcome);
        var id = started.Id;
        var draft = (await store.FindAsync(id, db.CancellationToken))!;
        var item = Assert.Single(draft.Items);
        // 毎月第5営業日: 2026-12-07 is after the effective date, so there is no chance to do it together first.
        Assert.Equal((scene.Task, HandoverItemBasis.Primary | HandoverItemBasis.OnlyCapable, (long?)scene.Suzuki), (item.TaskId, item.Basis, item.SuccessorId));
        Assert.Equal(((DateOnly?)null, (DateOnly?)new DateOnly(2026, 12, 7)), (item.DueBefore, item.DueAfter));
        Assert.Equal(Enum.GetValues<CommonItemKind>(), draft.CommonItems.Select(c => c.Kind));

        var all = HandoverChecks.ManualChecked | HandoverChecks.DoneTogether | HandoverChecks.DoneAlone | HandoverChecks.AccessTransferred;
        var saved = await service.SaveAsync(
            scene.Admin,
            Author,
            id,
            new HandoverEdit(
                1,
                HandoverReason.Transfer,
                Effective,
                Manager,
                "営業部へ異動",
                [new HandoverItemEdit(scene.Task, scene.Suzuki, item.DueBefore, item.DueAfter, all, "12月分から鈴木さん")],
                Enum.GetValues<CommonItemKind>().Select(k => new HandoverCommonItem(k, "", true)).ToList()),
            Moment,
            db.CancellationToken);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        // Each signs their own box with their own account: 山田 and 鈴木 are Readers, the manager's box is the Admin's.
        Assert.Equal(SaveOutcome.Saved, (await service.SignAsync(scene.YamadaViewer, Author, id, SignOffRole.Predecessor, scene.Yamada, Moment.Today, Moment, db.CancellationToken)).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await service.SignAsync(scene.SuzukiViewer, Author, id, SignOffRole.Successor, scene.Suzuki, Moment.Today, Moment, db.CancellationToken)).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await service.SignAsync(scene.Admin, Author, id, SignOffRole.Manager, 0, Moment.Today, Moment, db.CancellationToken)).Outcome);
        Assert.Equal(
            [("山田 太郎", false), ("鈴木 花子", false), (Manager, false)],
            (await store.FindAsync(id, db.CancellationToken))!.Signatures.Select(x => (x.Name, x.OnBehalf)));

        var version = (await store.FindAsync(id, db.CancellationToken))!.Version;
        var completed = await service.CompleteAsync(scene.Admin, Author, id, version, Moment, db.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, completed.Outcome);
        var handover = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal((HandoverStatus.Completed, (DateTimeOffset?)Clock), (handover.Status, handover.CompletedAt));
        var cells = await db.Services.GetRequiredService<ISkillMatrixStore>().ListCellsAsync(null, db.CancellationToken);
        Assert.Equal(
            [
                new SkillCell(scene.Yamada, scene.Task, SkillLevel.CanTeach, AssignmentRole.None),
                new SkillCell(scene.Suzuki, scene.Task, SkillLevel.Independent, AssignmentRole.Primary),
            ],
            cells.OrderBy(c => c.EmployeeId));
        var manual = (await db.Services.GetRequiredService<IManualStore>().FindAsync(scene.Manual, db.CancellationToken))!;
        Assert.Equal(scene.SuzukiUser, manual.OwnerId);
        var yamada = (await db.Services.GetRequiredService<IEmployeeStore>().FindAsync(scene.Yamada, db.CancellationToken))!;
        // The effective date is still ahead, so 異動予定 until then.
        Assert.Equal((EmployeeStatus.TransferScheduled, (DateOnly?)Effective), (yamada.Status, yamada.StatusDate));
        var events = await store.ListEventsAsync(id, db.CancellationToken);
        Assert.Equal(
            [
                HandoverEventKind.Started, HandoverEventKind.Saved,
                HandoverEventKind.SignedOff, HandoverEventKind.SignedOff, HandoverEventKind.SignedOff,
                HandoverEventKind.Completed, HandoverEventKind.MatrixChanged, HandoverEventKind.MatrixChanged,
                HandoverEventKind.OwnerMoved, HandoverEventKind.StatusChanged,
            ],
            events.Select(e => e.Kind));
        Assert.Equal(["月次決算", "鈴木 花子", "1", "2", "Backup", "Primary"], events[6].Args);
        Assert.Equal(["月次決算手順", "山田 太郎", "鈴木 花子"], events[8].Args);
        Assert.Equal(["山田 太郎", "TransferScheduled", "2026-12-01"], events[9].Args);
        Assert.All(events, e => Assert.Equal((Manager, Clock), (e.ActorName, e.At)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_NotSignedOffByAll_InvalidNotSignedOffAndNothingChanges(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = (await service.StartAsync(scene.Admin, Author, new HandoverStart(scene.Yamada, HandoverReason.Leaving, Effective, Manager, ""), Moment, db.CancellationToken)).Id;
        await service.SignAsync(scene.YamadaViewer, Author, id, SignOffRole.Predecessor, scene.Yamada, Moment.Today, Moment, db.CancellationToken);
        await service.SignAsync(scene.Admin, Author, id, SignOffRole.Manager, 0, Moment.Today, Moment, db.CancellationToken);
        var version = (await store.FindAsync(id, db.CancellationToken))!.Version;

        var result = await service.CompleteAsync(scene.Admin, Author, id, version, Moment, db.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(["NotSignedOff"], result.Errors.Select(e => e.Code));
        Assert.Equal(HandoverStatus.InProgress, (await store.FindAsync(id, db.CancellationToken))!.Status);
        var yamada = (await db.Services.GetRequiredService<IEmployeeStore>().FindAsync(scene.Yamada, db.CancellationToken))!;
        Assert.Equal(EmployeeStatus.Active, yamada.Status);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompleteAsync_StaleVersion_Conflict(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var id = (await service.StartAsync(scene.Admin, Author, new HandoverStart(scene.Yamada, HandoverReason.Other, Effective, Manager, ""), Moment, db.CancellationToken)).Id;
        await SignAllAsync(service, scene, id, db);

        // Version 1 is the version before the three sign-offs.
        var result = await service.CompleteAsync(scene.Admin, Author, id, 1, Moment, db.CancellationToken);

        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
        Assert.Equal(HandoverStatus.InProgress, (await db.Services.GetRequiredService<IHandoverStore>().FindAsync(id, db.CancellationToken))!.Status);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StartAsync_OpenHandoverForTheEmployee_InvalidAlreadyOpenNamingIt(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var start = new HandoverStart(scene.Yamada, HandoverReason.Transfer, Effective, Manager, "");
        var first = await service.StartAsync(scene.Admin, Author, start, Moment, db.CancellationToken);

        var second = await service.StartAsync(scene.Admin, Author, start, Moment, db.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.Invalid, second.Outcome);
        var error = Assert.Single(second.Errors);
        Assert.Equal(("EmployeeId", "AlreadyOpen", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (error.Field, error.Code, error.Detail));
        Assert.Single(await db.Services.GetRequiredService<IHandoverStore>().ListAsync(new HandoverFilter(EmployeeId: scene.Yamada), db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StartAsync_PreviousHandoverCompleted_StartsAnother(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var start = new HandoverStart(scene.Yamada, HandoverReason.Other, Effective, Manager, "");
        var first = (await service.StartAsync(scene.Admin, Author, start, Moment, db.CancellationToken)).Id;
        await SignAllAsync(service, scene, first, db);

        Assert.Equal(SaveOutcome.Saved, (await service.CompleteAsync(scene.Admin, Author, first, 4, Moment, db.CancellationToken)).Outcome);

        var second = await service.StartAsync(scene.Admin, Author, start, Moment, db.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, second.Outcome);
        Assert.NotEqual(first, second.Id);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StartAsync_EditorOfAnotherDepartment_ForbiddenAndNothingStored(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var hrEditor = new Viewer(2, new HashSet<string> { Roles.Editor }, new HashSet<long> { Hr });
        var accountingEditor = new Viewer(3, new HashSet<string> { Roles.Editor }, new HashSet<long> { Accounting });
        var start = new HandoverStart(scene.Yamada, HandoverReason.Transfer, Effective, Manager, "");

        var forbidden = await service.StartAsync(hrEditor, Author, start, Moment, db.CancellationToken);
        var allowed = await service.StartAsync(accountingEditor, Author, start, Moment, db.CancellationToken);

        Assert.Equal(SaveOutcome.Forbidden, forbidden.Outcome);
        Assert.Equal(SaveOutcome.Saved, allowed.Outcome);
        Assert.Single(await db.Services.GetRequiredService<IHandoverStore>().ListAsync(new HandoverFilter(), db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_SuccessorIsThePredecessor_InvalidAndNothingSaved(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await StartYamadaAsync(service, scene, db);

        var result = await service.SaveAsync(
            scene.Admin,
            Author,
            id,
            new HandoverEdit(1, HandoverReason.Transfer, Effective, Manager, "", [new HandoverItemEdit(scene.Task, scene.Yamada, null, null, HandoverChecks.None, "")], []),
            Moment,
            db.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal([("Items[0].SuccessorId", "SuccessorIsPredecessor")], result.Errors.Select(e => (e.Field, e.Code)));
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal((1, (long?)scene.Suzuki), (found.Version, found.Items[0].SuccessorId));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_AddTask_PlannedWithDueDatesFromTheNewEffectiveDate(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        var expenses = await CreateTaskAsync(db, "経費精算");
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await StartYamadaAsync(service, scene, db);

        var result = await service.SaveAsync(
            scene.Admin,
            Author,
            id,
            new HandoverEdit(1, HandoverReason.Transfer, new DateOnly(2027, 1, 4), Manager, "", [], [], expenses),
            Moment,
            db.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var items = (await store.FindAsync(id, db.CancellationToken))!.Items;
        Assert.Equal([scene.Task, expenses], items.Select(i => i.TaskId));
        // 山田 has no cell on it: added by hand. 毎月第5営業日: 2026-12-07 falls before 2027-01-04; 2027-01-08 is the first after.
        Assert.Equal(HandoverItemBasis.None, items[1].Basis);
        Assert.Equal(((DateOnly?)new DateOnly(2026, 12, 7), (DateOnly?)new DateOnly(2027, 1, 8)), (items[1].DueBefore, items[1].DueAfter));
        Assert.Equal(scene.Suzuki, items[1].SuccessorId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_AddTaskWithAnEffectiveDateOutsideTheCalendar_InvalidAndNothingSaved(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        var expenses = await CreateTaskAsync(db, "経費精算");
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await StartYamadaAsync(service, scene, db);

        // A typo for 2026-12-31: out of range for the form, and before the years the holiday calendar knows.
        var result = await service.SaveAsync(
            scene.Admin, Author, id, new HandoverEdit(1, HandoverReason.Transfer, new DateOnly(1999, 12, 31), Manager, "", [], [], expenses), Moment, db.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal([("EffectiveDate", "DateOutOfRange")], result.Errors.Select(e => (e.Field, e.Code)));
        var found = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.Equal((1, Effective), (found.Version, found.EffectiveDate));
        Assert.Equal([scene.Task], found.Items.Select(i => i.TaskId));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_SameTaskSentTwice_SavedOnceWithTheFirstRow(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = await StartYamadaAsync(service, scene, db);

        var result = await service.SaveAsync(
            scene.Admin,
            Author,
            id,
            new HandoverEdit(
                1,
                HandoverReason.Transfer,
                Effective,
                Manager,
                "",
                [
                    new HandoverItemEdit(scene.Task, scene.Suzuki, null, null, HandoverChecks.ManualChecked, "一行目"),
                    new HandoverItemEdit(scene.Task, null, null, null, HandoverChecks.None, "二行目"),
                ],
                []),
            Moment,
            db.CancellationToken);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var item = Assert.Single((await store.FindAsync(id, db.CancellationToken))!.Items);
        Assert.Equal(((long?)scene.Suzuki, HandoverChecks.ManualChecked, "一行目"), (item.SuccessorId, item.Checks, item.Note));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReopenAsync_Completed_NeedsAReasonAndKeepsWhatCompletionChanged(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var scene = await SceneAsync(db);
        await using var scope = db.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var store = db.Services.GetRequiredService<IHandoverStore>();
        var id = (await service.StartAsync(scene.Admin, Author, new HandoverStart(scene.Yamada, HandoverReason.LeaveOfAbsence, Effective, Manager, ""), Moment, db.CancellationToken)).Id;
        await SignAllAsync(service, scene, id, db);

        Assert.Equal(SaveOutcome.Saved, (await service.CompleteAsync(scene.Admin, Author, id, 4, Moment, db.CancellationToken)).Outcome);

        var withoutReason = await service.ReopenAsync(scene.Admin, Author, id, "  ", db.CancellationToken);
        var reopened = await service.ReopenAsync(scene.Admin, Author, id, "復職日が変わった", db.CancellationToken);

        Assert.Equal(SaveOutcome.Invalid, withoutReason.Outcome);
        Assert.Equal(["ReopenReasonRequired"], withoutReason.Errors.Select(e => e.Code));
        Assert.Equal(SaveOutcome.Saved, reopened.Outcome);
        Assert.Equal(HandoverStatus.InProgress, (await store.FindAsync(id, db.CancellationToken))!.Status);
        var last = (await store.ListEventsAsync(id, db.CancellationToken))[^1];
        Assert.Equal((HandoverEventKind.Reopened, "復職日が変わった"), (last.Kind, Assert.Single(last.Args)));
        var yamada = (await db.Services.GetRequiredService<IEmployeeStore>().FindAsync(scene.Yamada, db.CancellationToken))!;
        Assert.Equal(EmployeeStatus.OnLeave, yamada.Status);
    }

    /// <summary>Starts the handover of 山田 (異動, effective <see cref="Effective"/>) and returns its id.</summary>
    private static async Task<long> StartYamadaAsync(HandoverService service, Scene scene, TestDatabase db)
    {
        var result = await service.StartAsync(scene.Admin, Author, new HandoverStart(scene.Yamada, HandoverReason.Transfer, Effective, Manager, ""), Moment, db.CancellationToken);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id;
    }

    private static Task<TestDatabase> CreateDatabaseAsync(SqlEngine engine) =>
        TestDatabase.CreateAsync(engine, configureServices: services => services
            .AddManualsCore()
            .AddSingleton<TimeProvider>(new SettableClock(Clock)));

    /// <summary>
    /// 山田 (account) is 主担当 level 3 of 月次決算 (毎月第5営業日); 鈴木 (account) is 副担当 level 1; the task's manual is owned by
    /// 山田's account.
    /// </summary>
    private static async Task<Scene> SceneAsync(TestDatabase db)
    {
        var yamadaUser = await CreateUserAsync(db, "yamada", "山田 太郎");
        var suzukiUser = await CreateUserAsync(db, "suzuki", "鈴木 花子");
        var manual = await CreateManualAsync(db, "月次決算手順");
        Assert.True(await db.Services.GetRequiredService<IManualStore>().UpdateSettingsAsync(manual, yamadaUser, 180, db.CancellationToken));
        var task = await CreateTaskAsync(db, "月次決算", Accounting, manual);
        var yamada = await CreateEmployeeWithUserAsync(db, "山田 太郎", yamadaUser);
        var suzuki = await CreateEmployeeWithUserAsync(db, "鈴木 花子", suzukiUser);
        Assert.Empty(await db.Services.GetRequiredService<ISkillMatrixStore>().ApplyAsync(
            [
                new SkillCellEdit(yamada, task, SkillLevel.None, AssignmentRole.None, SkillLevel.CanTeach, AssignmentRole.Primary),
                new SkillCellEdit(suzuki, task, SkillLevel.None, AssignmentRole.None, SkillLevel.WithGuidance, AssignmentRole.Backup),
            ],
            new Author(null, "準備"),
            Now,
            db.CancellationToken));
        var adminUser = await CreateUserAsync(db, "kanri", "管理 者");
        return new Scene(
            task,
            yamada,
            suzuki,
            suzukiUser,
            manual,
            new Viewer(adminUser, new HashSet<string> { Roles.Admin }, new HashSet<long>()),
            new Viewer(yamadaUser, new HashSet<string> { Roles.Reader }, new HashSet<long> { Accounting }),
            new Viewer(suzukiUser, new HashSet<string> { Roles.Reader }, new HashSet<long> { Accounting }));
    }

    private sealed record Scene(long Task, long Yamada, long Suzuki, long SuzukiUser, long Manual, Viewer Admin, Viewer YamadaViewer, Viewer SuzukiViewer);

    /// <summary>Every box signed: 山田's by 山田, each successor's by the Admin on their behalf, the manager's by the Admin.</summary>
    private static async Task SignAllAsync(HandoverService service, Scene scene, long id, TestDatabase db)
    {
        var handover = (await db.Services.GetRequiredService<IHandoverStore>().FindAsync(id, db.CancellationToken))!;
        Assert.Equal(SaveOutcome.Saved, (await service.SignAsync(scene.YamadaViewer, Author, id, SignOffRole.Predecessor, scene.Yamada, Moment.Today, Moment, db.CancellationToken)).Outcome);
        foreach (var successor in handover.SuccessorIds)
        {
            Assert.Equal(SaveOutcome.Saved, (await service.SignAsync(scene.Admin, Author, id, SignOffRole.Successor, successor, Moment.Today, Moment, db.CancellationToken)).Outcome);
        }

        Assert.Equal(SaveOutcome.Saved, (await service.SignAsync(scene.Admin, Author, id, SignOffRole.Manager, 0, Moment.Today, Moment, db.CancellationToken)).Outcome);
    }
}
