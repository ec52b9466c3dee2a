using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Web.Tests.Features.Coverage;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Audit;

/// <summary>
/// Each audited action, performed through the real endpoints, writes exactly one entry with its actor, time, target and
/// outcome; refused or failed requests write none (or a failure entry where the failure is the point: sign-ins, imports).
/// </summary>
public sealed class AuditTrailTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const long GeneralAffairs = 3;

    [Fact]
    public async Task SignIn_RightPassword_OneSuccessEntryWithMethodLocal()
    {
        var userId = await factory.CreateUserAsync("audit.signin.ok", Roles.Reader, "総務");
        var mark = await MarkAsync();
        var before = factory.Clock.GetUtcNow();

        // From a known client address (TestServer has no connection of its own): the entry records it.
        using var app = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>()));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, "203.0.113.7");
        var response = await new WebSession(client).SubmitAsync(
            "/account/sign-in", "form[action='/account/sign-in']", new() { ["UserName"] = "audit.signin.ok", ["Password"] = ManualsAppFactory.UserPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = Assert.Single(await SinceAsync(mark));
        Assert.Equal(AuditAction.SignIn, entry.Action);
        Assert.Equal(AuditOutcome.Success, entry.Outcome);
        Assert.Equal(AuditMethod.Local, entry.Method);
        Assert.Equal(userId, entry.ActorUserId);
        Assert.Equal("audit.signin.ok さん", entry.ActorName);
        Assert.Equal((AuditTargetType.User, Id(userId), "audit.signin.ok"), (entry.TargetType, entry.TargetId, entry.TargetName));
        Assert.InRange(entry.OccurredAt, before, factory.Clock.GetUtcNow());
        Assert.Equal("203.0.113.7", entry.ClientAddress);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOfExistingUser_OneFailureEntryNamingTheAccount()
    {
        var userId = await factory.CreateUserAsync("audit.signin.wrong", Roles.Reader, "総務");
        var mark = await MarkAsync();

        var response = await SignInAttemptAsync("audit.signin.wrong", "not-the-password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(await SinceAsync(mark));
        Assert.Equal((AuditAction.SignIn, AuditOutcome.Failure, AuditMethod.Local), (entry.Action, entry.Outcome, entry.Method));
        Assert.Equal(userId, entry.ActorUserId);
        Assert.Equal("audit.signin.wrong", entry.TargetName);
        Assert.DoesNotContain("not-the-password", Text(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownUserName_OneFailureEntryAsUnknownUserWithoutTheTypedText()
    {
        var mark = await MarkAsync();

        // Someone types their password into the user-name box: it must not land in the log.
        var response = await SignInAttemptAsync("MySecret-Passw0rd", "whatever");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(await SinceAsync(mark));
        Assert.Equal((AuditAction.SignIn, AuditOutcome.Failure), (entry.Action, entry.Outcome));
        Assert.Null(entry.ActorUserId);
        Assert.Equal("不明なユーザー", entry.ActorName);
        Assert.DoesNotContain("MySecret", Text(entry), StringComparison.Ordinal);
        Assert.DoesNotContain("whatever", Text(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_SignedIn_OneEntryByThatUser()
    {
        var userId = await factory.CreateUserAsync("audit.signout", Roles.Reader, "総務");
        var session = await WebSession.SignInAsync(factory, "audit.signout", ManualsAppFactory.UserPassword);
        var mark = await MarkAsync();

        var response = await session.SubmitAsync("/", "form[action='/account/sign-out']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await SinceAsync(mark));
        Assert.Equal((AuditAction.SignOut, AuditOutcome.Success, userId), (entry.Action, entry.Outcome, entry.ActorUserId));
    }

    [Fact]
    public async Task Users_CreateChangeDisableEnableReset_OneEntryPerChangeWithOldAndNewValues()
    {
        var admin = await AdminAsync();
        var adminId = await UserIdAsync("admin");
        var mark = await MarkAsync();

        var created = await admin.SubmitAsync("/admin/users/new", "form[action='/admin/users/new']", new()
        {
            ["UserName"] = "audit.user",
            ["DisplayName"] = "監査 太郎",
            ["Password"] = "initial-password-1",
            ["Role"] = Roles.Reader,
            ["DepartmentIds"] = GeneralAffairs.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var userId = await UserIdAsync("audit.user");
        var token = await admin.TokenFromAsync($"/admin/users/{userId}");
        var changed = await admin.PostAsync($"/admin/users/{userId}", new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("UserName", "audit.user"),
            new("DisplayName", "監査 太郎"),
            new("Role", Roles.Editor),
            new("DepartmentIds", "1"),
            new("DepartmentIds", GeneralAffairs.ToString(CultureInfo.InvariantCulture)),
            new("IsDisabled", "true"),
        });
        var enabled = await admin.PostAsync($"/admin/users/{userId}", new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("UserName", "audit.user"),
            new("DisplayName", "監査 花子"),
            new("Role", Roles.Editor),
            new("DepartmentIds", "1"),
            new("DepartmentIds", GeneralAffairs.ToString(CultureInfo.InvariantCulture)),
        });
        var reset = await admin.PostAsync($"/admin/users/{userId}/reset-password", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var entries = await SinceAsync(mark);
        Assert.Equal(
            [AuditAction.UserCreated, AuditAction.UserRolesChanged, AuditAction.UserDepartmentsChanged, AuditAction.UserDisabled,
                AuditAction.UserUpdated, AuditAction.UserEnabled, AuditAction.UserPasswordReset],
            entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal((adminId, AuditOutcome.Success), (e.ActorUserId, e.Outcome));
            Assert.Equal((AuditTargetType.User, Id(userId), "audit.user"), (e.TargetType, e.TargetId, e.TargetName));
        });
        Assert.Equal("閲覧者 → 編集者", entries[1].Detail);
        Assert.Equal("総務 → 経理・財務・総務", entries[2].Detail);
        Assert.Contains("監査 太郎 → 監査 花子", entries[4].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => Text(e).Contains("initial-password-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Users_RefusedForm_WritesNothing()
    {
        var admin = await AdminAsync();
        var mark = await MarkAsync();

        var response = await admin.SubmitAsync("/admin/users/new", "form[action='/admin/users/new']", new() { ["UserName"] = "", ["DisplayName"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await SinceAsync(mark));
    }

    [Fact]
    public async Task Manuals_PublishVisibilityRestoreOwnerArchive_OneEntryEach()
    {
        var admin = await AdminAsync();
        var adminId = await UserIdAsync("admin");
        var ownerId = await factory.CreateUserAsync("audit.owner", Roles.Editor, "総務");
        var mark = await MarkAsync();

        var created = await admin.SubmitAsync($"/manuals/new?department={GeneralAffairs}", "form.manual-form", new()
        {
            ["Title"] = "監査ログ確認用の手順",
            ["Body"] = "## 手順\n1. 確認します。",
            ["Status"] = "Draft",
            ["Visibility"] = "Department",
        }, "intent", "save");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var afterDraft = await SinceAsync(mark);
        var published = await admin.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new()
        {
            ["Status"] = "Published",
            ["Visibility"] = "Company",
            ["Body"] = "## 手順\n1. 確認します。\n2. 記録します。",
        }, "intent", "save");
        var restored = await admin.SubmitAsync($"/manuals/{id}/revisions/1", $"form[action='/manuals/{id}/revisions/1/restore']", []);
        var owner = await admin.SubmitAsync($"/manuals/{id}", $"form[action='/manuals/{id}/settings']", new() { ["OwnerId"] = Id(ownerId) });
        var archived = await admin.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new() { ["Status"] = "Archived" }, "intent", "save");

        Assert.All([created, published, restored, owner, archived], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Empty(afterDraft);
        var entries = await SinceAsync(mark);
        Assert.Equal(
            [AuditAction.ManualPublished, AuditAction.ManualVisibilityChanged, AuditAction.ManualRestored, AuditAction.ManualOwnerChanged, AuditAction.ManualArchived],
            entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal((adminId, AuditOutcome.Success), (e.ActorUserId, e.Outcome));
            Assert.Equal((AuditTargetType.Manual, Id(id), "監査ログ確認用の手順"), (e.TargetType, e.TargetId, e.TargetName));
        });
        Assert.Equal("下書き → 公開", entries[0].Detail);
        Assert.Equal("部署限定 → 全社公開", entries[1].Detail);
        Assert.Equal("第1版を第3版として復元", entries[2].Detail);
        Assert.Contains("audit.owner さん", entries[3].Detail, StringComparison.Ordinal);
        Assert.Equal("公開 → アーカイブ", entries[4].Detail);
    }

    [Fact]
    public async Task Manuals_CreatedPublished_OnePublishEntry_RefusedEditNone()
    {
        await factory.CreateUserAsync("audit.editor.koho", Roles.Editor, "広報");
        var admin = await AdminAsync();
        var outsider = await WebSession.SignInAsync(factory, "audit.editor.koho", ManualsAppFactory.UserPassword);
        var mark = await MarkAsync();

        var created = await admin.SubmitAsync($"/manuals/new?department={GeneralAffairs}", "form.manual-form", new()
        {
            ["Title"] = "最初から公開する手順",
            ["Body"] = "## 手順\n1. 公開します。",
            ["Status"] = "Published",
        }, "intent", "save");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var token = await outsider.TokenFromAsync("/manuals/new");
        var refused = await outsider.PostAsync($"/manuals/{id}/revisions/1/restore", [new("__RequestVerificationToken", token), new("baseRevision", "1")]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var entry = Assert.Single(await SinceAsync(mark));
        Assert.Equal((AuditAction.ManualPublished, "最初から公開する手順"), (entry.Action, entry.TargetName));
        Assert.Null(entry.Detail);
    }

    [Fact]
    public async Task Templates_CreateChangeRetireRestore_OneEntryEach()
    {
        var editorId = await factory.CreateUserAsync("audit.template", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "audit.template", ManualsAppFactory.UserPassword);
        var mark = await MarkAsync();

        var created = await editor.SubmitAsync("/templates/new", "form.template-form", new()
        {
            ["Name"] = "監査用テンプレート",
            ["Body"] = "## 目的\n\n（目的）\n\n## 手順\n\n1. （手順）\n",
            ["RequiredSections"] = "手順",
        }, "intent", "save");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var renamed = await editor.SubmitAsync($"/templates/{id}/edit", "form.template-form", new() { ["Name"] = "監査用テンプレート（改）" }, "intent", "save");
        var token = await editor.TokenFromAsync("/templates/new");
        var retired = await editor.PostAsync($"/templates/{id}/retire", [new("__RequestVerificationToken", token)]);
        var restored = await editor.PostAsync($"/templates/{id}/restore", [new("__RequestVerificationToken", token)]);

        Assert.All([created, renamed, retired, restored], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var entries = await SinceAsync(mark);
        Assert.Equal(
            [AuditAction.TemplateCreated, AuditAction.TemplateChanged, AuditAction.TemplateRetired, AuditAction.TemplateRestored],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((editorId, AuditOutcome.Success, AuditTargetType.Template, Id(id)), (e.ActorUserId, e.Outcome, e.TargetType, e.TargetId)));
        Assert.Equal("監査用テンプレート", entries[0].TargetName);
        Assert.Equal("監査用テンプレート → 監査用テンプレート（改）", entries[1].Detail);
        Assert.Equal("監査用テンプレート（改）", entries[3].TargetName);
    }

    [Fact]
    public async Task Handovers_StartSignWithdrawCompleteReopen_OneEntryEach()
    {
        var admin = await AdminAsync();
        var adminId = await UserIdAsync("admin");
        var employee = await CoverageWeb.EmployeeAsync(factory, "竹内 久美子");
        var mark = await MarkAsync();

        var started = await admin.SubmitAsync(
            $"/handovers/new?employee={employee.Id}",
            "form[action='/handovers/new'][method=post]",
            new()
            {
                ["Reason"] = "LeaveOfAbsence",
                ["ManagerName"] = "松田 康弘",
                ["EffectiveDate"] = factory.Clock.GetUtcNow().AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = long.Parse(started.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var handover = (await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None))!;
        var first = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/sign']", []);
        var withdrawn = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/unsign']", []);
        var boxes = handover.SuccessorIds.Count + 2;
        for (var i = 0; i < boxes; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/sign']", [])).StatusCode);
        }

        var completed = await admin.SubmitAsync($"/handovers/{id}/complete", $"form[action='/handovers/{id}/complete']", []);
        var refusedReopen = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/reopen']", new() { ["Reason"] = "" });
        var reopened = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/reopen']", new() { ["Reason"] = "後任者の異動が決まったため" });

        Assert.All([first, withdrawn, completed, reopened], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, refusedReopen.StatusCode);
        var entries = await SinceAsync(mark);
        Assert.Equal(
            [AuditAction.HandoverStarted, AuditAction.HandoverSigned, AuditAction.HandoverSignWithdrawn,
                .. Enumerable.Repeat(AuditAction.HandoverSigned, boxes), AuditAction.HandoverCompleted, AuditAction.HandoverReopened],
            entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal((adminId, AuditOutcome.Success), (e.ActorUserId, e.Outcome));
            Assert.Equal((AuditTargetType.Handover, Id(id), "竹内 久美子"), (e.TargetType, e.TargetId, e.TargetName));
        });
        Assert.Contains("代理", entries[1].Detail, StringComparison.Ordinal);
        Assert.Equal("後任者の異動が決まったため", entries[^1].Detail);
    }

    [Fact]
    public async Task CsvImport_WrittenAndRefused_OneSuccessAndOneFailureEntry_DryRunNone()
    {
        var admin = await AdminAsync();
        var adminId = await UserIdAsync("admin");
        var mark = await MarkAsync();

        var (dryRun, _) = await CoverageWeb.UploadAsync(admin, "Tasks", CoverageWeb.Utf8("部署,業務名,頻度,重要度\n総務,監査確認の業務,毎週,低\n"), "dry-run", "tasks.csv");
        var afterDryRun = await SinceAsync(mark);
        var (written, _) = await CoverageWeb.UploadAsync(admin, "Tasks", CoverageWeb.Utf8("部署,業務名,頻度,重要度\n総務,監査確認の業務,毎週,低\n"), "import", "tasks.csv");
        var (refused, _) = await CoverageWeb.UploadAsync(admin, "Tasks", CoverageWeb.Utf8("部署,業務名,頻度,重要度\n営業部,存在しない部署の業務,毎週,低\n"), "import", "bad.csv");

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Empty(afterDryRun);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var entries = await SinceAsync(mark);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((AuditAction.Import, adminId, AuditTargetType.File), (e.Action, e.ActorUserId, e.TargetType)));
        Assert.Equal((AuditOutcome.Success, "tasks.csv"), (entries[0].Outcome, entries[0].TargetName));
        Assert.Contains("追加 1", entries[0].Detail, StringComparison.Ordinal);
        Assert.Equal((AuditOutcome.Failure, "bad.csv"), (entries[1].Outcome, entries[1].TargetName));
        Assert.Contains("エラー 1", entries[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynonymDeleteAndMissedSearchResolve_OneEntryEach()
    {
        var admin = await AdminAsync();
        var added = await admin.SubmitAsync("/admin/synonyms", "form#synonym-add", new() { ["words"] = "監査一, 監査二" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var synonym = (await factory.Services.GetRequiredService<ISynonymStore>().ListAsync(CancellationToken.None)).Single(g => g.Terms.Contains("監査一"));
        var misses = factory.Services.GetRequiredService<IMissedSearchStore>();
        await misses.RecordAsync("存在しない監査語", 0, new DateOnly(2026, 11, 21), CancellationToken.None);
        var missed = (await misses.ListAsync(CancellationToken.None)).Single(m => m.Query == "存在しない監査語");
        var mark = await MarkAsync();

        var deleted = await admin.SubmitAsync("/admin/synonyms", $"form[action='/admin/synonyms/{synonym.Id}/delete']", []);
        var resolved = await admin.SubmitAsync("/admin/missed-searches", $"form[action='/admin/missed-searches/{missed.Id}/resolve']", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var entries = await SinceAsync(mark);
        Assert.Equal([AuditAction.SynonymDeleted, AuditAction.MissedSearchResolved], entries.Select(e => e.Action));
        Assert.Equal((AuditTargetType.Synonym, Id(synonym.Id), "監査一、監査二"), (entries[0].TargetType, entries[0].TargetId, entries[0].TargetName));
        Assert.Equal((AuditTargetType.MissedSearch, "存在しない監査語"), (entries[1].TargetType, entries[1].TargetName));
    }

    private IAuditLog Log => factory.Services.GetRequiredService<IAuditLog>();

    private async Task<long> MarkAsync() =>
        (await Log.ListAsync(AuditFilter.None, new AuditPageRequest(Size: 1), CancellationToken.None)).Entries is [var newest, ..] ? newest.Id : 0;

    /// <summary>The entries written since <paramref name="mark"/>, oldest first.</summary>
    private async Task<List<AuditEntry>> SinceAsync(long mark)
    {
        var page = await Log.ListAsync(AuditFilter.None, new AuditPageRequest(After: mark, Size: AuditLimits.MaxPageSize), CancellationToken.None);
        return page.Entries.Reverse().ToList();
    }

    private async Task<HttpResponseMessage> SignInAttemptAsync(string userName, string password) =>
        await new WebSession(factory.CreateBrowserlikeClient())
            .SubmitAsync("/account/sign-in", "form[action='/account/sign-in']", new() { ["UserName"] = userName, ["Password"] = password });

    private async Task<WebSession> AdminAsync() => await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private async Task<long> UserIdAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().ListAsync(CancellationToken.None)).Single(u => u.UserName == userName).Id;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Text(AuditEntry e) => string.Join("|", e.ActorName, e.TargetName, e.TargetId, e.Detail, e.Method);
}
