using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Handovers;

/// <summary>
/// Sign-offs by the people themselves (前任者 and each 後任者 with their own accounts, the manager by a manager who is not
/// on the handover, an Admin on someone's behalf, recorded as such), and completion moving only what the person
/// completing may edit to successors who may read it.
/// </summary>
public sealed class HandoverSignOffTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const long Somu = 3;

    [Fact]
    public async Task SignOff_ReaderOnTheHandover_FindsItAtHomeAndSignsOwnBoxOnly()
    {
        var readerId = await factory.CreateUserAsync("ono.reader", Roles.Reader, "総務");
        await LinkAsync("小野 達也", readerId);
        var id = await HandoverAsync("小野 達也", ("名刺の発注", "石田 剛"));
        var reader = await WebSession.SignInAsync(factory, "ono.reader", ManualsAppFactory.UserPassword);

        var (_, home) = await reader.GetAsync("/");
        var (page, signOff) = await reader.GetAsync($"/handovers/{id}/sign-off");
        var (checklist, _) = await reader.GetAsync($"/handovers/{id}");
        var forms = signOff.QuerySelectorAll($"form[action='/handovers/{id}/sign']");
        var signed = await reader.SubmitAsync($"/handovers/{id}/sign-off", $"form[action='/handovers/{id}/sign']", []);
        var (_, after) = await reader.GetAsync("/");

        Assert.NotNull(home.QuerySelector($"a[href='/handovers/{id}/sign-off']"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, checklist.StatusCode);
        var form = Assert.Single(forms);
        Assert.Equal("Predecessor", form.QuerySelector("input[name=Role]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal($"/handovers/{id}/sign-off", signed.Headers.Location!.OriginalString);
        var signature = Assert.Single((await FindAsync(id)).Signatures);
        Assert.Equal((SignOffRole.Predecessor, "小野 達也", false, (long?)readerId), (signature.Role, signature.Name, signature.OnBehalf, signature.RecordedByUserId));
        Assert.Null(after.QuerySelector($"a[href='/handovers/{id}/sign-off']"));
    }

    [Fact]
    public async Task SignOff_ReaderNotOnTheHandover_403AndNothingRecorded()
    {
        await factory.CreateUserAsync("somu.stranger", Roles.Reader, "総務");
        var id = await HandoverAsync("田村 明美", ("社用車の管理と予約", "森田 早紀"));
        var stranger = await WebSession.SignInAsync(factory, "somu.stranger", ManualsAppFactory.UserPassword);
        var token = await stranger.TokenFromAsync("/");

        var (page, _) = await stranger.GetAsync($"/handovers/{id}/sign-off");
        var post = await stranger.PostAsync($"/handovers/{id}/sign", Fields(token, "Predecessor", await EmployeeIdAsync("田村 明美")));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty((await FindAsync(id)).Signatures);
    }

    [Fact]
    public async Task SignOff_EditorOfTheDepartment_CannotSignForSomeoneWithAnAccount_ButSignsAsManager()
    {
        var predecessorId = await factory.CreateUserAsync("wada.account", Roles.Reader, "総務");
        await LinkAsync("和田 奈々", predecessorId);
        await factory.CreateUserAsync("somu.manager", Roles.Editor, "総務");
        var id = await HandoverAsync("和田 奈々", ("文書の保管と廃棄", "竹内 久美子"));
        var editor = await WebSession.SignInAsync(factory, "somu.manager", ManualsAppFactory.UserPassword);
        var token = await editor.TokenFromAsync($"/handovers/{id}");

        var forPredecessor = await editor.PostAsync($"/handovers/{id}/sign", Fields(token, "Predecessor", await EmployeeIdAsync("和田 奈々")));
        var forSuccessorWithoutAccount = await editor.PostAsync($"/handovers/{id}/sign", Fields(token, "Successor", await EmployeeIdAsync("竹内 久美子")));
        var asManager = await editor.PostAsync($"/handovers/{id}/sign", Fields(token, "Manager", 0));

        Assert.Equal(HttpStatusCode.Forbidden, forPredecessor.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forSuccessorWithoutAccount.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asManager.StatusCode);
        var signatures = (await FindAsync(id)).Signatures;
        Assert.Equal(
            [(SignOffRole.Successor, "竹内 久美子", true), (SignOffRole.Manager, "somu.manager さん", false)],
            signatures.Select(s => (s.Role, s.Name, s.OnBehalf)));
        var (_, page) = await editor.GetAsync($"/handovers/{id}");
        Assert.Contains("代理で記録", page.QuerySelector(".signoffs")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOff_ParticipantWhoManages_CannotSignAsOwnManager()
    {
        var editorId = await factory.CreateUserAsync("ishida.editor", Roles.Editor, "総務");
        await LinkAsync("石田 剛", editorId);
        var id = await HandoverAsync("中山 修", ("慶弔対応", "石田 剛"));
        var editor = await WebSession.SignInAsync(factory, "ishida.editor", ManualsAppFactory.UserPassword);
        var token = await editor.TokenFromAsync($"/handovers/{id}");

        var asManager = await editor.PostAsync($"/handovers/{id}/sign", Fields(token, "Manager", 0));
        var asSuccessor = await editor.PostAsync($"/handovers/{id}/sign", Fields(token, "Successor", await EmployeeIdAsync("石田 剛")));

        Assert.Equal(HttpStatusCode.Forbidden, asManager.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asSuccessor.StatusCode);
        Assert.Equal([(SignOffRole.Successor, false)], (await FindAsync(id)).Signatures.Select(s => (s.Role, s.OnBehalf)));
    }

    [Fact]
    public async Task SignOff_TwoSuccessors_OneBoxEachOnPageAndPrintAndAllNeededToComplete()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await HandoverAsync("松田 康弘", ("株主総会の準備", "竹内 久美子"), ("取締役会の議事録作成", "森田 早紀"));

        var (_, page) = await admin.GetAsync($"/handovers/{id}");
        var successorBoxes = page.QuerySelectorAll(".signoff h3").Select(h => Squeeze(h.TextContent)).Where(t => t.StartsWith("後任者", StringComparison.Ordinal)).ToList();
        foreach (var role in new[] { "Predecessor", "Successor", "Manager" })
        {
            var signed = await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/sign']:has(input[name=Role][value={role}])", []);
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }

        var token = await admin.TokenFromAsync($"/handovers/{id}");
        var early = await admin.PostAsync($"/handovers/{id}/complete", [new("__RequestVerificationToken", token), new("version", (await FindAsync(id)).Version.ToString(CultureInfo.InvariantCulture))]);
        var (_, print) = await admin.GetAsync($"/handovers/{id}/print");

        Assert.Equal(["後任者 竹内 久美子", "後任者 森田 早紀"], successorBoxes);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var boxes = print.QuerySelectorAll(".handover-sheet__signature").Select(b => Squeeze(b.TextContent)).ToList();
        Assert.Equal(4, boxes.Count);
        Assert.Contains(boxes, b => b.Contains("後任者：竹内 久美子", StringComparison.Ordinal) && b.Contains("代理で記録", StringComparison.Ordinal));
        Assert.Contains(boxes, b => b.Contains("後任者：森田 早紀", StringComparison.Ordinal) && !b.Contains("代理", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_EditorOfB_ManualOfALinkedToOwnTask_OwnerStaysAndTitleNotShown()
    {
        var manual = await ManualAsync("経費精算の手順（楽楽精算）");
        Assert.Equal(ManualVisibility.Company, manual.Visibility);
        await factory.Services.GetRequiredService<IManualStore>().UpdateSettingsAsync(manual.Id, null, manual.ReviewIntervalDays, CancellationToken.None);
        var successorId = await factory.CreateUserAsync("ueda.successor", Roles.Editor, "総務");
        await LinkAsync("上田 陽介", successorId);
        await factory.CreateUserAsync("somu.taker", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "somu.taker", ManualsAppFactory.UserPassword);
        var task = await TaskAsync(factory, "清掃・設備業者の手配");
        var token = await editor.TokenFromAsync($"/tasks/{task.Id}");
        var linked = await editor.PostAsync($"/tasks/{task.Id}/manuals", [new("__RequestVerificationToken", token), new("manualId", manual.Id.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var id = await HandoverAsync("森田 早紀", ("清掃・設備業者の手配", "上田 陽介"));
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        foreach (var role in new[] { "Predecessor", "Successor" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/sign']:has(input[name=Role][value={role}])", [])).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync($"/handovers/{id}", $"form[action='/handovers/{id}/sign']:has(input[name=Role][value=Manager])", [])).StatusCode);

        var (confirm, confirmPage) = await editor.GetAsync($"/handovers/{id}/complete");
        var completed = await editor.SubmitAsync($"/handovers/{id}/complete", $"form[action='/handovers/{id}/complete']", []);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.DoesNotContain(manual.Title, confirmPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("あなたが編集できないマニュアルが1件", confirmPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal(HandoverStatus.Completed, (await FindAsync(id)).Status);
        Assert.Null((await factory.Services.GetRequiredService<IManualStore>().FindAsync(manual.Id, CancellationToken.None))!.OwnerId);
    }

    private static List<KeyValuePair<string, string>> Fields(string token, string role, long employeeId) =>
    [
        new("__RequestVerificationToken", token),
        new("Role", role),
        new("EmployeeId", employeeId.ToString(CultureInfo.InvariantCulture)),
        new("SignedOn", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<Handover> FindAsync(long id) =>
        (await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(id, CancellationToken.None))!;

    private async Task<long> EmployeeIdAsync(string name) => (await EmployeeAsync(factory, name)).Id;

    private async Task<ManualSummary> ManualAsync(string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title);

    /// <summary>Links the sample employee to a sign-in account (as an Admin would on the employee page).</summary>
    private async Task LinkAsync(string employeeName, long userId)
    {
        var employee = await EmployeeAsync(factory, employeeName);
        employee.UserId = userId;
        Assert.Equal(WriteStatus.Written, await factory.Services.GetRequiredService<IEmployeeStore>().UpdateAsync(employee, factory.Clock.GetUtcNow(), CancellationToken.None));
    }

    /// <summary>An open handover of a 総務 employee with the given rows (task → successor), managed by 松田 康弘.</summary>
    private async Task<long> HandoverAsync(string predecessor, params (string Task, string Successor)[] rows)
    {
        var employee = await EmployeeAsync(factory, predecessor);
        Assert.Equal(Somu, employee.DepartmentId);
        var items = new List<HandoverItem>();
        foreach (var (task, successor) in rows)
        {
            items.Add(new HandoverItem
            {
                TaskId = (await TaskAsync(factory, task)).Id,
                TaskName = task,
                Basis = HandoverItemBasis.Primary,
                SuccessorId = await EmployeeIdAsync(successor),
            });
        }

        var now = factory.Clock.GetUtcNow();
        var handover = new Handover
        {
            EmployeeId = employee.Id,
            EmployeeName = employee.Name,
            DepartmentId = employee.DepartmentId,
            Reason = HandoverReason.Transfer,
            EffectiveDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(21),
            ManagerName = "松田 康弘",
            Status = HandoverStatus.InProgress,
            Version = 1,
            CreatedByName = "管理者",
            CreatedAt = now,
            UpdatedAt = now,
            Items = items,
            CommonItems = Enum.GetValues<CommonItemKind>().Select(k => new HandoverCommonItem(k, "", false)).ToList(),
        };
        return await factory.Services.GetRequiredService<IHandoverStore>().CreateAsync(
            handover, new HandoverEvent(HandoverEventKind.Started, [employee.Name, "Transfer", "2026-12-26"], "管理者", now), CancellationToken.None);
    }
}
