using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Shared;

/// <summary>
/// Chains of requests across the department boundary: an Editor of B (経理・財務) tries to take what A (総務) owns through
/// forms and CSV, and nothing of A changes. A link from B's task to a manual A publishes for everyone is allowed: a link is
/// not ownership. (Linking a person to an account is covered in detail by <c>AccountLinkTests</c>; one path is here.)
/// </summary>
public sealed class BoundaryPathTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string DepartmentA = "総務";
    private const string DepartmentB = "経理・財務";
    private const long SomuId = 3;
    private const long KeiriId = 1;
    private const string Receivables = "入金消込,銀行の入金明細と売掛金を突き合わせて消し込む。差額は営業担当に確認する。,毎日,毎営業日,中";
    private const string FixedAssets = "固定資産台帳の更新,取得・除却した資産を固定資産台帳に登録し、管理番号ラベルを手配する。,毎月,毎月末,中";

    [Fact]
    public async Task EmployeeForm_EditorOfBLinksAccountOfA_RefusedAccountNotRevealedNothingChanged()
    {
        var accountOfA = await factory.CreateUserAsync("boundary.account.a", Roles.Reader, DepartmentA);
        var editor = await EditorOfBAsync("boundary.editor.b1");
        var ownEmployee = await EmployeeAsync(factory, "前田 浩二");
        var before = await EmployeeCountAsync(factory);

        var created = await editor.SubmitAsync($"/employees/new?department={KeiriId}", "form.card[method=post]", new()
        {
            ["Name"] = "境界 越え",
            ["DepartmentId"] = KeiriId.ToString(CultureInfo.InvariantCulture),
            ["UserId"] = accountOfA.ToString(CultureInfo.InvariantCulture),
        });
        var edited = await editor.SubmitAsync($"/employees/{ownEmployee.Id}/edit", "form.card[method=post]", new()
        {
            ["UserId"] = accountOfA.ToString(CultureInfo.InvariantCulture),
        });

        foreach (var response in new[] { created, edited })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("この部署に所属していないログインユーザーは紐づけられません。", page, StringComparison.Ordinal);
            // The refused form does not name the other department's account it was sent the id of.
            Assert.DoesNotContain("boundary.account.a", page, StringComparison.Ordinal);
        }

        Assert.Equal(before, await EmployeeCountAsync(factory));
        Assert.Null((await EmployeeAsync(factory, "前田 浩二")).UserId);
    }

    [Fact]
    public async Task TaskPage_EditorOfBLinksRestrictedOrDraftManualOfA_ForbiddenNotOfferedNothingLinked()
    {
        var (restricted, draft) = await ManualsOfAAsync("課の鍵の管理（総務限定）", "来客駐車場の手配（下書き）");
        var editor = await EditorOfBAsync("boundary.editor.b2");
        var task = await TaskAsync(factory, "入金消込");
        var token = await editor.TokenFromAsync($"/tasks/{task.Id}");
        var (_, page) = await editor.GetAsync($"/tasks/{task.Id}");

        var responses = new List<HttpResponseMessage>();
        foreach (var manual in new[] { restricted, draft })
        {
            responses.Add(await editor.PostAsync($"/tasks/{task.Id}/manuals", Fields(token, ("manualId", manual))));
            responses.Add(await editor.PostAsync("/tasks/link", Fields(token, ("manualId", manual), ("taskId", task.Id))));
            Assert.Null(page.QuerySelector($"option[value='{manual}']"));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Empty((await TaskAsync(factory, "入金消込")).ManualIds);
        await AssertUnchangedAsync(restricted, draft);
    }

    [Fact]
    public async Task TaskCsvImport_EditorOfBNamesRestrictedOrDraftManualOfA_RowRefusedNothingLinked()
    {
        var (restricted, draft) = await ManualsOfAAsync("金庫の開閉手順（総務限定）", "社用車の予約手順（下書き）");
        var editor = await EditorOfBAsync("boundary.editor.b3");

        foreach (var title in new[] { "金庫の開閉手順（総務限定）", "社用車の予約手順（下書き）" })
        {
            var (response, document) = await UploadAsync(editor, "Tasks", Utf8(TaskCsv(Receivables, title)), "import");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"「{title}」という題名のマニュアルが見つかりません。", Errors(document), StringComparison.Ordinal);
        }

        Assert.Empty((await TaskAsync(factory, "入金消込")).ManualIds);
        await AssertUnchangedAsync(restricted, draft);
    }

    [Fact]
    public async Task TaskLink_EditorOfBLinksCompanyWideManualOfA_LinkedButManualStaysA()
    {
        var editor = await EditorOfBAsync("boundary.editor.b4");
        var task = await TaskAsync(factory, "小口現金の管理");
        var manual = (await Manuals().ListAsync(SomuId, CancellationToken.None)).Single(m => m.Title == "印鑑の管理と押印申請の手順");
        var before = await Manuals().FindAsync(manual.Id, CancellationToken.None);
        var token = await editor.TokenFromAsync($"/tasks/{task.Id}");

        var linked = await editor.PostAsync($"/tasks/{task.Id}/manuals", Fields(token, ("manualId", manual.Id)));
        var (imported, _) = await UploadAsync(editor, "Tasks", Utf8(TaskCsv(FixedAssets, "印鑑の管理と押印申請の手順")), "import");
        var (edit, _) = await editor.GetAsync($"/manuals/{manual.Id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains(manual.Id, (await TaskAsync(factory, "小口現金の管理")).ManualIds);
        Assert.Contains(manual.Id, (await TaskAsync(factory, "固定資産台帳の更新")).ManualIds);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var after = await Manuals().FindAsync(manual.Id, CancellationToken.None);
        Assert.Equal((before!.DepartmentId, before.OwnerId, before.RevisionNumber), (after!.DepartmentId, after.OwnerId, after.RevisionNumber));
    }

    /// <summary>A sample task of B as exported (name to 重要度), with its manual column set to <paramref name="manualTitle"/>.</summary>
    private static string TaskCsv(string task, string manualTitle) =>
        $"部署,業務名,説明,頻度,時期,重要度,マニュアル\n{DepartmentB},{task},{manualTitle}\n";

    private static Dictionary<string, string> Fields(string token, params (string Name, long Value)[] values)
    {
        var fields = values.ToDictionary(v => v.Name, v => v.Value.ToString(CultureInfo.InvariantCulture));
        fields["__RequestVerificationToken"] = token;
        return fields;
    }

    private IManualStore Manuals() => factory.Services.GetRequiredService<IManualStore>();

    private async Task<WebSession> EditorOfBAsync(string userName)
    {
        await factory.CreateUserAsync(userName, Roles.Editor, DepartmentB);
        return await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);
    }

    /// <summary>A 部署限定 published manual and a 全社公開 draft of A, neither readable by an Editor of B.</summary>
    private async Task<(long Restricted, long Draft)> ManualsOfAAsync(string restrictedTitle, string draftTitle)
    {
        var author = new Author(null, "admin");
        var body = "## 手順\n\n1. **確認する** — 内容を確認します。\n";
        var restricted = await Manuals().CreateAsync(
            new ManualDraft(restrictedTitle, SomuId, ManualVisibility.Department, ManualStatus.Published, null, [], body, ""), author, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var draft = await Manuals().CreateAsync(
            new ManualDraft(draftTitle, SomuId, ManualVisibility.Company, ManualStatus.Draft, null, [], body, ""), author, null, DateTimeOffset.UtcNow, CancellationToken.None);
        return (restricted, draft);
    }

    private async Task AssertUnchangedAsync(params long[] manualIds)
    {
        foreach (var id in manualIds)
        {
            var manual = await Manuals().FindAsync(id, CancellationToken.None);
            Assert.Equal((SomuId, (long?)null, 1), (manual!.DepartmentId, manual.OwnerId, manual.RevisionNumber));
        }
    }
}
