using Manuals.Core.Approvals;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Approvals;

/// <summary>
/// 承認フロー (<see cref="IApprovalStore"/>): routes per department; a request leaves the manual as it is until the last
/// stage approves it, which saves it as the next revision by the writer with its journal row; every step is guarded so
/// simultaneous approvers never approve a stage twice or skip one.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ApprovalStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Author Sato = new(null, "佐藤 一郎");
    private const string Published = "## 手順\n1. 申請書を確認します。\n";
    private const string Changed = "## 手順\n1. 申請書と領収書を確認します。\n2. 課長の承認を得ます。\n";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReplaceStagesAsync_KeepsOrderKindsAndUsersPerDepartment_AndEmptyTurnsApprovalOff(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IApprovalStore>();
        var yamada = await db.CreateUserAsync("yamada");
        var tanaka = await db.CreateUserAsync("tanaka");
        ApprovalStage[] route =
        [
            new(1, ApproverKind.Users, [yamada, tanaka]),
            new(2, ApproverKind.DepartmentEditors, []),
            new(3, ApproverKind.Admins, []),
        ];

        Assert.Empty(await store.GetStagesAsync(1, db.CancellationToken));
        await store.ReplaceStagesAsync(1, route, db.CancellationToken);
        await store.ReplaceStagesAsync(2, [new ApprovalStage(1, ApproverKind.Admins, [])], db.CancellationToken);
        var read = await store.GetStagesAsync(1, db.CancellationToken);
        var all = await store.ListStagesAsync(db.CancellationToken);
        await store.ReplaceStagesAsync(1, [], db.CancellationToken);

        Assert.Equal(ApprovalStages.Format(route), ApprovalStages.Format(read));
        Assert.Equal([1L, 2L], all.Keys.Order());
        Assert.Empty(await store.GetStagesAsync(1, db.CancellationToken));
        Assert.Single(await store.GetStagesAsync(2, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ApproveAsync_LastStage_SavesTheRequestAsTheNextRevisionByTheWriter_OnlyThen(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IApprovalStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var journal = db.Services.GetRequiredService<ISearchJournal>();
        var hanako = await db.CreateUserAsync("hanako");
        var manual = await CreateManualAsync(db);
        var draft = Draft(Changed) with { MaterialChange = true };
        var writer = new Author(hanako, "鈴木 花子");
        var journalBefore = await journal.LatestSequenceAsync(db.CancellationToken);

        var id = await store.SubmitAsync(manual, 1, draft, writer, TwoStages(), Monday, db.CancellationToken);
        var afterRequest = await manuals.FindAsync(manual, db.CancellationToken);
        var journalAfterRequest = await journal.LatestSequenceAsync(db.CancellationToken);
        var first = await store.ApproveAsync(id!.Value, 1, new Author(null, "課長"), Monday.AddHours(1), db.CancellationToken);
        var afterFirst = await manuals.FindAsync(manual, db.CancellationToken);
        var last = await store.ApproveAsync(id.Value, 2, new Author(null, "部長"), Monday.AddHours(2), db.CancellationToken);
        var approved = await manuals.FindAsync(manual, db.CancellationToken);
        var request = await store.FindAsync(id.Value, db.CancellationToken);
        var revision = await manuals.FindRevisionAsync(manual, 2, db.CancellationToken);

        Assert.Equal((1, Published), (afterRequest!.RevisionNumber, afterRequest.Body));
        Assert.Equal(journalBefore, journalAfterRequest);
        Assert.Equal((ApprovalWrite.Done, 1, Published), (first, afterFirst!.RevisionNumber, afterFirst.Body));
        Assert.Equal((ApprovalWrite.Done, 2, Changed), (last, approved!.RevisionNumber, approved.Body));
        Assert.Equal((hanako, "鈴木 花子", "手順を追加"), (revision!.AuthorId, revision.AuthorName, revision.ChangeNote));
        Assert.True(await journal.LatestSequenceAsync(db.CancellationToken) > journalBefore);
        Assert.Equal((ApprovalRequestState.Approved, 3), (request!.State, request.CurrentStage));
        Assert.Equal(["課長", "部長"], request.Decisions.Select(d => d.UserName));
        Assert.Null(await store.FindOpenAsync(manual, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ApproveAsync_TwoApproversAtOnce_ExactlyOneApprovesTheStage_AndNoStageIsSkipped(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IApprovalStore>();
        var manual = await CreateManualAsync(db);
        var id = (await store.SubmitAsync(manual, 1, Draft(Changed), Sato, TwoStages(), Monday, db.CancellationToken))!.Value;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => store.ApproveAsync(id, 1, new Author(null, $"承認者{i}"), Monday.AddMinutes(i), db.CancellationToken))));
        var request = await store.FindAsync(id, db.CancellationToken);
        var manualNow = await db.Services.GetRequiredService<IManualStore>().FindAsync(manual, db.CancellationToken);

        Assert.Single(results, r => r == ApprovalWrite.Done);
        Assert.All(results.Where(r => r != ApprovalWrite.Done), r => Assert.Equal(ApprovalWrite.Stale, r));
        Assert.Equal((ApprovalRequestState.Pending, 2), (request!.State, request.CurrentStage));
        Assert.Single(request.Decisions);
        Assert.Equal(1, manualNow!.RevisionNumber);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SendBackAsync_KeepsTheComment_ThenANewRequestReplacesIt_AndWithdrawCloses(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IApprovalStore>();
        var manual = await CreateManualAsync(db);
        var first = (await store.SubmitAsync(manual, 1, Draft(Changed), Sato, TwoStages(), Monday, db.CancellationToken))!.Value;

        var sentBack = await store.SendBackAsync(first, 1, new Author(null, "課長"), "領収書の保管期間も書いてください。", Monday.AddHours(1), db.CancellationToken);
        var approveAfterSendBack = await store.ApproveAsync(first, 1, new Author(null, "課長"), Monday.AddHours(2), db.CancellationToken);
        var open = await store.FindOpenAsync(manual, db.CancellationToken);
        var second = (await store.SubmitAsync(manual, 1, Draft(Changed + "3. 7年保管します。\n"), Sato, TwoStages(), Monday.AddHours(3), db.CancellationToken))!.Value;
        var firstNow = await store.FindAsync(first, db.CancellationToken);
        var listed = await store.ListOpenAsync(db.CancellationToken);
        var withdrawn = await store.WithdrawAsync(second, Monday.AddHours(4), db.CancellationToken);
        var withdrawnAgain = await store.WithdrawAsync(second, Monday.AddHours(5), db.CancellationToken);

        Assert.Equal((ApprovalWrite.Done, ApprovalWrite.Stale), (sentBack, approveAfterSendBack));
        Assert.Equal((first, ApprovalRequestState.SentBack), (open!.Id, open.State));
        Assert.Equal("領収書の保管期間も書いてください。", firstNow!.LastSendBack!.Comment);
        Assert.Equal(ApprovalRequestState.Superseded, firstNow.State);
        Assert.Equal([second], listed.Select(r => r.Id));
        Assert.Equal((ApprovalWrite.Done, ApprovalWrite.Stale), (withdrawn, withdrawnAgain));
        Assert.Empty(await store.ListOpenAsync(db.CancellationToken));
        Assert.Equal(1, (await db.Services.GetRequiredService<IManualStore>().FindAsync(manual, db.CancellationToken))!.RevisionNumber);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ApproveAsync_ManualSavedSinceTheRequest_WritesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IApprovalStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var manual = await CreateManualAsync(db);
        var id = (await store.SubmitAsync(manual, 1, Draft(Changed), Sato, [new ApprovalStage(1, ApproverKind.Admins, [])], Monday, db.CancellationToken))!.Value;
        Assert.True(await manuals.TryUpdateAsync(manual, 1, Draft(Published + "\n誤字を修正。\n"), Sato, Monday.AddHours(1), db.CancellationToken));

        var result = await store.ApproveAsync(id, 1, new Author(null, "管理者"), Monday.AddHours(2), db.CancellationToken);
        var request = await store.FindAsync(id, db.CancellationToken);

        Assert.Equal(ApprovalWrite.ManualMoved, result);
        Assert.Equal((ApprovalRequestState.Pending, 1), (request!.State, request.CurrentStage));
        Assert.Empty(request.Decisions);
        Assert.Equal(2, (await manuals.FindAsync(manual, db.CancellationToken))!.RevisionNumber);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SubmitAsync_KeepsTheRouteOfTheTime_AndTheDraftAsWritten(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IApprovalStore>();
        var manual = await CreateManualAsync(db);
        var draft = Draft(Changed) with { Tags = ["経費", "月末"], Visibility = ManualVisibility.Department, MaterialChange = true };

        var id = (await store.SubmitAsync(manual, 1, draft, Sato, TwoStages(), Monday, db.CancellationToken))!.Value;
        await store.ReplaceStagesAsync(1, [], db.CancellationToken);
        var request = await store.FindAsync(id, db.CancellationToken);

        Assert.Equal(ApprovalStages.Format(TwoStages()), ApprovalStages.Format(request!.Stages));
        Assert.Equal(
            (draft.Title, draft.Body, ManualVisibility.Department, true, "経費,月末"),
            (request.Title, request.Body, request.Visibility, request.IsMaterial, string.Join(",", request.Tags)));
        Assert.Equal(Monday, request.RequestedAt);
    }

    private static IReadOnlyList<ApprovalStage> TwoStages() =>
        [new ApprovalStage(1, ApproverKind.DepartmentEditors, []), new ApprovalStage(2, ApproverKind.Admins, [])];

    private static ManualDraft Draft(string body) =>
        new("経費精算の手順", 1, ManualVisibility.Company, ManualStatus.Published, null, [], body, "手順を追加");

    private static async Task<long> CreateManualAsync(TestDatabase db) =>
        await db.Services.GetRequiredService<IManualStore>().CreateAsync(Draft(Published) with { ChangeNote = "作成" }, Sato, null, Monday, db.CancellationToken);
}
