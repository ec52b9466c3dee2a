using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Approvals;
using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Approvals;

/// <summary>
/// 承認フロー through the web: who may configure (Admins), who may approve (the stage's approvers, never the writer), who
/// sees 承認待ち (the writer, approvers, Admins; never a reader), the published revision staying live until the last
/// approval, send-back with a required comment, saving while a request waits, and the audit log.
/// </summary>
public sealed class ApprovalsControllerTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Live = "## 手順\n1. 契約書の原本を確認します。\n";
    private const string Pending = "## 手順\n1. 契約書の原本を確認します。\n2. 収入印紙の金額を法務部長に確認してもらいます。\n";
    private const string PendingWords = "収入印紙の金額";

    [Fact]
    public async Task MaterialChange_TwoStages_ReadersSeeThePublishedRevisionUntilTheLastApproval_AndEveryStepIsAudited()
    {
        var (department, name) = (4L, "法務");
        var chief = await factory.CreateUserAsync("appr.chief", Roles.Editor, name);
        await factory.CreateUserAsync("appr.writer", Roles.Editor, name);
        await factory.CreateUserAsync("appr.colleague", Roles.Editor, name);
        await factory.CreateUserAsync("appr.reader", Roles.Reader, name);
        await ConfigureAsync(department, new ApprovalStage(1, ApproverKind.Users, [chief]), new ApprovalStage(2, ApproverKind.Admins, []));
        var id = await CreateManualAsync("印紙税の確認手順", department);
        var writer = await SignInAsync("appr.writer");
        var reader = await SignInAsync("appr.reader");
        var colleague = await SignInAsync("appr.colleague");
        var approver = await SignInAsync("appr.chief");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var requested = await writer.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new()
        {
            ["Body"] = Pending,
            ["MaterialChange"] = "true",
            ["ChangeNote"] = "印紙の確認を追加",
        }, "intent", "save");
        var requestUrl = requested.Headers.Location!.OriginalString;
        var (_, readerPage) = await reader.GetAsync($"/manuals/{id}");
        var (_, readerHistory) = await reader.GetAsync($"/manuals/{id}/history");
        var (readerRequest, _) = await reader.GetAsync(requestUrl);
        var (readerList, _) = await reader.GetAsync("/approvals");
        var (colleagueRequest, _) = await colleague.GetAsync(requestUrl);
        var (_, colleaguePage) = await colleague.GetAsync($"/manuals/{id}");
        var (_, writerPage) = await writer.GetAsync($"/manuals/{id}");
        var (_, approverHome) = await approver.GetAsync("/");
        var (_, approverList) = await approver.GetAsync("/approvals");
        var (_, approverRequest) = await approver.GetAsync(requestUrl);
        var selfApproval = await PostAsync(writer, requestUrl, "/approve");
        var adminTooEarly = await PostAsync(admin, requestUrl, "/approve");
        var first = await PostAsync(approver, requestUrl, "/approve");
        var (_, afterFirst) = await reader.GetAsync($"/manuals/{id}");
        var last = await PostAsync(admin, requestUrl, "/approve");
        var (_, afterLast) = await reader.GetAsync($"/manuals/{id}");
        var manual = await FindAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.StartsWith("/approvals/", requestUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(PendingWords, readerPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(readerPage.QuerySelector(".approval-banner"));
        Assert.Single(readerHistory.QuerySelectorAll("table tbody tr"));
        Assert.Equal(HttpStatusCode.Forbidden, readerRequest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, colleagueRequest.StatusCode);
        Assert.Null(colleaguePage.QuerySelector(".approval-banner"));
        Assert.Contains("承認待ちの変更があります（第1段階／全2段階）", writerPage.QuerySelector(".approval-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("あなたの承認を待っている申請が 1 件", approverHome.QuerySelector(".approval-home")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("印紙税の確認手順", approverList.QuerySelector("#approvals-waiting-heading + table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(PendingWords, approverRequest.QuerySelector(".diff .diff__add")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("公開中の版との差分", approverRequest.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminTooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.DoesNotContain(PendingWords, afterFirst.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Contains(PendingWords, afterLast.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal((2, "appr.writer さん"), (manual.RevisionNumber, (await LatestRevisionAsync(id)).AuthorName));
        var actions = await AuditActionsAsync(id);
        Assert.Equal(
            [AuditAction.ApprovalRequested, AuditAction.ApprovalApproved, AuditAction.ApprovalApproved],
            actions.Where(a => a.StartsWith("approval-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SendBack_CommentRequiredAndBounded_TheWriterSeesItAndEditsTheRequestedText_AndRequestsAgain()
    {
        var (department, name) = (6L, "広報");
        var writerId = await factory.CreateUserAsync("sb.writer", Roles.Editor, name);
        var approverId = await factory.CreateUserAsync("sb.approver", Roles.Editor, name);
        await ConfigureAsync(department, new ApprovalStage(1, ApproverKind.DepartmentEditors, []));
        var id = await CreateManualAsync("プレスリリースの配信手順", department);
        var writer = await SignInAsync("sb.writer");
        var approver = await SignInAsync("sb.approver");
        var requested = await writer.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Body"] = Pending, ["MaterialChange"] = "true" }, "intent", "save");
        var requestUrl = requested.Headers.Location!.OriginalString;

        var empty = await PostAsync(approver, requestUrl, "/send-back", new() { ["Comment"] = "  " });
        var tooLong = await PostAsync(approver, requestUrl, "/send-back", new() { ["Comment"] = new string('長', ApprovalLimits.CommentMaxLength + 1) });
        var sentBack = await PostAsync(approver, requestUrl, "/send-back", new() { ["Comment"] = "配信先リストの更新日も書いてください。" });
        var again = await PostAsync(approver, requestUrl, "/approve");
        var (_, writerRequest) = await writer.GetAsync(requestUrl);
        var (_, edit) = await writer.GetAsync($"/manuals/{id}/edit");
        var resubmitted = await writer.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Body"] = Pending + "3. 配信先リストの更新日を確認します。\n" }, "intent", "save");
        var (_, oldRequest) = await writer.GetAsync(requestUrl);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("差し戻すときは、コメントを入力してください。", (await WebSession.ParseAsync(empty)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var tooLongPage = await WebSession.ParseAsync(tooLong);
        Assert.Contains("コメントは1000文字以内にしてください。", tooLongPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApprovalLimits.CommentMaxLength + 1, tooLongPage.QuerySelector("#Comment")!.TextContent.Trim().Length);
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("配信先リストの更新日も書いてください。", writerRequest.QuerySelector(".approval-comment")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(PendingWords, edit.QuerySelector("textarea[name=Body], [name='Editor.Source']")?.TextContent + edit.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("差し戻された申請の内容", edit.QuerySelector(".approval-form-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.NotEqual(requestUrl, resubmitted.Headers.Location!.OriginalString);
        Assert.Contains("再申請により終了", oldRequest.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, (await FindAsync(id)).RevisionNumber);
        Assert.Contains(AuditAction.ApprovalSentBack, await AuditActionsAsync(id));
        // The approver was asked (twice: the request and the request again); the writer heard it was sent back, and why.
        var notifications = factory.Services.GetRequiredService<global::Manuals.Core.Notifications.INotificationStore>();
        var asked = (await notifications.ListAsync(approverId, 10, CancellationToken.None)).Where(n => n.Kind == "approval-requested").ToList();
        Assert.Equal(2, asked.Count);
        Assert.Contains(asked, n => requestUrl.EndsWith(n.Url, StringComparison.Ordinal) && n.Args[0] == "プレスリリースの配信手順" && n.Args[1].StartsWith("sb.writer", StringComparison.Ordinal));
        var told = Assert.Single(await notifications.ListAsync(writerId, 10, CancellationToken.None), n => n.Kind == "approval-decided");
        Assert.Equal(["プレスリリースの配信手順", "sent-back", "配信先リストの更新日も書いてください。"], told.Args);
    }

    [Fact]
    public async Task SaveWhilePending_OthersAndTheWritersTypoFixAreRefusedWithTheTextKept_WithdrawFreesIt_AndTypoFixesGoLive()
    {
        var (department, name) = (7L, "一般事務");
        await factory.CreateUserAsync("wp.writer", Roles.Editor, name);
        await factory.CreateUserAsync("wp.other", Roles.Editor, name);
        await ConfigureAsync(department, new ApprovalStage(1, ApproverKind.Admins, []));
        var id = await CreateManualAsync("来客対応の手順", department);
        var writer = await SignInAsync("wp.writer");
        var other = await SignInAsync("wp.other");
        var requested = await writer.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Body"] = Pending, ["MaterialChange"] = "true" }, "intent", "save");
        var requestUrl = requested.Headers.Location!.OriginalString;

        var (_, otherEdit) = await other.GetAsync($"/manuals/{id}/edit");
        var refused = await other.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Body"] = Live + "\n他の人の修正です。\n" }, "intent", "save");
        var ownTypo = await writer.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Body"] = Pending + "\n誤字修正\n", ["MaterialChange"] = "false" }, "intent", "save");
        var withdrawn = await PostAsync(writer, requestUrl, "/withdraw");
        var typo = await other.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Body"] = Live.Replace("原本", "原本（写しは不可）", StringComparison.Ordinal) }, "intent", "save");

        Assert.DoesNotContain(PendingWords, otherEdit.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var refusedPage = await WebSession.ParseAsync(refused);
        Assert.Contains("承認待ちの変更があります", refusedPage.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("他の人の修正です。", refusedPage.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, ownTypo.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, typo.StatusCode);
        Assert.StartsWith($"/manuals/{id}", typo.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var manual = await FindAsync(id);
        Assert.Equal((2, true), (manual.RevisionNumber, manual.Body.Contains("写しは不可", StringComparison.Ordinal)));
        Assert.Contains(AuditAction.ApprovalWithdrawn, await AuditActionsAsync(id));
    }

    [Fact]
    public async Task Create_PublishedInADepartmentWithApproval_StartsAsADraftWithARequest_InvisibleToReaders()
    {
        var (department, name) = (5L, "情報システム");
        await factory.CreateUserAsync("new.writer", Roles.Editor, name);
        await factory.CreateUserAsync("new.reader", Roles.Reader, name);
        await ConfigureAsync(department, new ApprovalStage(1, ApproverKind.Admins, []));
        var writer = await SignInAsync("new.writer");
        var reader = await SignInAsync("new.reader");

        var created = await writer.SubmitAsync($"/manuals/new?department={department}", "form.manual-form", new()
        {
            ["Title"] = "VPN障害の一次対応",
            ["DepartmentId"] = department.ToString(CultureInfo.InvariantCulture),
            ["Status"] = "Published",
            ["Visibility"] = "Company",
            ["Template"] = "",
            ["Body"] = Pending,
        }, "intent", "save");
        var id = (await factory.Services.GetRequiredService<IManualStore>().ListAsync(department, CancellationToken.None)).Single(m => m.Title == "VPN障害の一次対応").Id;
        var (readerPage, _) = await reader.GetAsync($"/manuals/{id}");
        var (_, search) = await reader.GetAsync("/search?q=" + Uri.EscapeDataString("収入印紙"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/approvals/", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ManualStatus.Draft, (await FindAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, readerPage.StatusCode);
        Assert.DoesNotContain("VPN障害の一次対応", search.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_OnlyAdmins_BadInputIs400InJapaneseWithTheFormKept_AndAChangeIsAudited()
    {
        var readerId = await factory.CreateUserAsync("cfg.reader", Roles.Reader, "経理・財務");
        await factory.CreateUserAsync("cfg.editor", Roles.Editor, "経理・財務");
        var editor = await SignInAsync("cfg.editor");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var adminToken = await admin.TokenFromAsync("/admin/approvals/1");
        var editorToken = await editor.TokenFromAsync("/account/password");

        var (editorGet, _) = await editor.GetAsync("/admin/approvals/1");
        var editorPost = await editor.PostAsync("/admin/approvals/1", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = editorToken,
            ["Stages[0].Kind"] = "Admins",
        });
        var gap = await admin.PostAsync("/admin/approvals/1", Form(adminToken, ("Stages[0].Kind", ""), ("Stages[1].Kind", "Admins")));
        var noUsers = await admin.PostAsync("/admin/approvals/1", Form(adminToken, ("Stages[0].Kind", "Users")));
        var readerNamed = await admin.PostAsync("/admin/approvals/1", Form(adminToken, ("Stages[0].Kind", "Users"), ("Stages[0].UserIds", readerId.ToString(CultureInfo.InvariantCulture))));
        var bogus = await admin.PostAsync("/admin/approvals/1", Form(adminToken, ("Stages[0].Kind", "Everyone"), ("Stages[0].UserIds", "abc")));
        var unknown = await admin.PostAsync("/admin/approvals/999", Form(adminToken, ("Stages[0].Kind", "Admins")));
        var saved = await admin.PostAsync("/admin/approvals/1", Form(adminToken, ("Stages[0].Kind", "DepartmentEditors"), ("Stages[1].Kind", "Admins")));
        var (_, list) = await admin.GetAsync("/admin/approvals");

        Assert.Equal(HttpStatusCode.Forbidden, editorGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorPost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, gap.StatusCode);
        Assert.Contains("第2段階を使うには、その前の段階から順に設定してください。", await TextAsync(gap), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noUsers.StatusCode);
        Assert.Contains("1人以上選んでください", await TextAsync(noUsers), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, readerNamed.StatusCode);
        var readerNamedPage = await WebSession.ParseAsync(readerNamed);
        Assert.Contains("有効な編集者か管理者を指名してください", readerNamedPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(readerNamedPage.QuerySelector("input[name='Stages[0].Kind'][value=Users][checked]"));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("第2段階: 管理者", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await factory.Services.GetRequiredService<IApprovalStore>().GetStagesAsync(1, CancellationToken.None)).Count);
        var entry = (await factory.Services.GetRequiredService<IAuditLog>()
            .ListAsync(new AuditFilter(Action: AuditAction.ApprovalSettingsChanged), new AuditPageRequest(Size: 1), CancellationToken.None)).Entries.Single();
        Assert.Equal(("経理・財務", "承認なし → 第1段階: その部署の編集者 → 第2段階: 管理者"), (entry.TargetName, entry.Detail));
        await ConfigureAsync(1);
    }

    [Fact]
    public async Task Approve_TwoApproversAtOnce_OneApprovesTheOtherIsToldItIsDone()
    {
        var (department, name) = (3L, "総務");
        await factory.CreateUserAsync("race.writer", Roles.Editor, name);
        await factory.CreateUserAsync("race.a", Roles.Editor, name);
        await factory.CreateUserAsync("race.b", Roles.Editor, name);
        await ConfigureAsync(department, new ApprovalStage(1, ApproverKind.DepartmentEditors, []), new ApprovalStage(2, ApproverKind.Admins, []));
        var id = await CreateManualAsync("郵便物の仕分け（承認テスト）", department);
        var writer = await SignInAsync("race.writer");
        var a = await SignInAsync("race.a");
        var b = await SignInAsync("race.b");
        var requested = await writer.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Body"] = Pending, ["MaterialChange"] = "true" }, "intent", "save");
        var requestUrl = requested.Headers.Location!.OriginalString;
        var tokenA = await a.TokenFromAsync(requestUrl);
        var tokenB = await b.TokenFromAsync(requestUrl);

        var responses = await Task.WhenAll(
            a.PostAsync(requestUrl + "/approve", Form(tokenA)),
            b.PostAsync(requestUrl + "/approve", Form(tokenB)));
        var request = await factory.Services.GetRequiredService<IApprovalStore>().FindAsync(long.Parse(requestUrl["/approvals/".Length..], CultureInfo.InvariantCulture), CancellationToken.None);
        await ConfigureAsync(department);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Contains("すでに進んでいるか終わっています", await TextAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict)), StringComparison.Ordinal);
        Assert.Equal((ApprovalRequestState.Pending, 2, 1), (request!.State, request.CurrentStage, request.Decisions.Count));
        Assert.Equal(1, (await FindAsync(id)).RevisionNumber);
    }

    private async Task<WebSession> SignInAsync(string userName) => await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);

    private static async Task<HttpResponseMessage> PostAsync(WebSession session, string requestUrl, string action, Dictionary<string, string>? fields = null)
    {
        var token = await session.TokenFromAsync("/account/password");
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        return await session.PostAsync(requestUrl + action, form);
    }

    private static List<KeyValuePair<string, string>> Form(string token, params (string Key, string Value)[] fields) =>
        [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await WebSession.ParseAsync(response)).Body!.TextContent;

    private Task ConfigureAsync(long department, params ApprovalStage[] stages) =>
        factory.Services.GetRequiredService<IApprovalStore>().ReplaceStagesAsync(department, stages, CancellationToken.None);

    private Task<long> CreateManualAsync(string title, long department) =>
        factory.Services.GetRequiredService<IManualStore>().CreateAsync(
            new ManualDraft(title, department, ManualVisibility.Company, ManualStatus.Published, null, [], Live, "作成"),
            new Author(null, "テスト"),
            null,
            DateTimeOffset.UtcNow,
            CancellationToken.None);

    private async Task<Manual> FindAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;

    private async Task<ManualRevision> LatestRevisionAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListRevisionsAsync(id, CancellationToken.None))[0];

    private async Task<IReadOnlyList<string>> AuditActionsAsync(long manualId)
    {
        var page = await factory.Services.GetRequiredService<IAuditLog>()
            .ListAsync(new AuditFilter(), new AuditPageRequest(Size: 200), CancellationToken.None);
        return page.Entries
            .Where(e => e.TargetType == AuditTargetType.Manual && e.TargetId == manualId.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id)
            .Select(e => e.Action)
            .ToList();
    }
}
