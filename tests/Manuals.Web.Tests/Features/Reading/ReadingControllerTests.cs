using System.Net;
using System.Text;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Reading;

/// <summary>
/// Required reading (必読): who may assign and see the status (those who may edit the manual), what an assignee sees and
/// confirms, and a 重要な変更 asking again.
/// </summary>
public sealed class ReadingControllerTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Department = "人事・労務";
    private const string Title = "給与計算の手順"; // 部署限定 of 人事・労務

    [Fact]
    public async Task Assign_EditorToANewHire_HomeListsItTheHireConfirmsTheStatusSaysSo_AndAMaterialChangeAsksAgain()
    {
        var hire = await factory.CreateUserAsync("reading.hire", Roles.Reader, Department);
        await factory.CreateUserAsync("reading.editor", Roles.Editor, Department);
        var editor = await WebSession.SignInAsync(factory, "reading.editor", ManualsAppFactory.UserPassword);
        var reader = await WebSession.SignInAsync(factory, "reading.hire", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync(Title);

        var assigned = await editor.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new()
        {
            ["UserIds"] = hire.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BusinessDays"] = "3",
        });
        var (_, home) = await reader.GetAsync("/");
        var (_, page) = await reader.GetAsync($"/manuals/{id}");
        var (_, opened) = await editor.GetAsync($"/manuals/{id}/reading");
        var confirmed = await reader.SubmitAsync($"/manuals/{id}", $"form[action^='/manuals/{id}/read']", []);
        var (_, status) = await editor.GetAsync($"/manuals/{id}/reading");
        var revision = (await FindAsync(id)).RevisionNumber;
        var changed = await editor.SubmitAsync($"/manuals/{id}/edit", "form.manual-form", new()
        {
            ["Body"] = (await FindAsync(id)).Body + "\n\n締め日が変わりました。\n",
            ["MaterialChange"] = "true",
        }, "intent", "save");
        var (_, homeAfter) = await reader.GetAsync("/");
        var (_, pageAfter) = await reader.GetAsync($"/manuals/{id}");

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var entry = (await factory.Services.GetRequiredService<IAuditLog>()
            .ListAsync(new AuditFilter(Action: AuditAction.ReadingAssigned), new AuditPageRequest(Size: 1), CancellationToken.None)).Entries.Single();
        Assert.Equal(("reading.editor さん", Title, "個人 1 人・部署 0 件、期限 3 営業日"), (entry.ActorName, entry.TargetName, entry.Detail));
        Assert.Equal(Title, home.QuerySelector("[data-required-reading] a")!.TextContent.Trim());
        Assert.Contains("未読", home.QuerySelector("[data-required-reading]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("期限", page.QuerySelector("[aria-labelledby=required-reading-heading]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"読みました（第{revision}版）", page.QuerySelector("#read-confirm")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("既読・未確認", opened.QuerySelectorAll(".reading-table:not(.reading-targets) tbody tr").Single(r => r.TextContent.Contains("reading.hire", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var row = status.QuerySelectorAll(".reading-table:not(.reading-targets) tbody tr").Single(r => r.TextContent.Contains("reading.hire", StringComparison.Ordinal));
        Assert.Contains("確認済", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("改訂版を未確認", homeAfter.QuerySelector("[data-required-reading]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("重要な変更がありました", pageAfter.QuerySelector("[aria-labelledby=required-reading-heading]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ReaderOrEditorOfAnotherDepartment_Forbidden_AndTheirAssignmentIsRefused()
    {
        await factory.CreateUserAsync("reading.reader", Roles.Reader, Department);
        await factory.CreateUserAsync("reading.other", Roles.Editor, "広報");
        var reader = await WebSession.SignInAsync(factory, "reading.reader", ManualsAppFactory.UserPassword);
        var other = await WebSession.SignInAsync(factory, "reading.other", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync(Title);

        foreach (var session in new[] { reader, other })
        {
            var token = await session.TokenFromAsync("/account/password");
            var (status, _) = await session.GetAsync($"/manuals/{id}/reading");
            var (csv, _) = await session.GetAsync($"/manuals/{id}/reading.csv");
            var post = await session.PostAsync($"/manuals/{id}/reading", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["DepartmentIds"] = "2",
                ["BusinessDays"] = "5",
            });

            Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
    }

    [Theory]
    [InlineData("", "5", "部署または個人を1つ以上選んでください。")]
    [InlineData("dept:2", "0", "期限は1〜60の営業日数")]
    [InlineData("dept:2", "61", "期限は1〜60の営業日数")]
    [InlineData("dept:2", "abc", "期限は1〜60の営業日数")]
    [InlineData("dept:5", "5", "部署限定のマニュアルは")]
    [InlineData("user:outsider", "5", "閲覧できないため、指定できません：reading.outsider")]
    [InlineData("dept:999", "5", "選んだ部署または人が見つかりません。")]
    [InlineData("dept:abc", "5", "選んだ部署または人が見つかりません。")]
    [InlineData("user:abc", "5", "選んだ部署または人が見つかりません。")]
    public async Task Assign_BadChoice_Is400WithTheReasonInJapanese_TheChoicesKept_NothingAssigned(string target, string days, string message)
    {
        var outsider = await factory.CreateUserAsync("reading.outsider." + string.Concat((target + days).Where(char.IsLetterOrDigit)), Roles.Reader, "広報");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync(Title);
        var fields = new Dictionary<string, string> { ["BusinessDays"] = days };
        if (target.StartsWith("dept:", StringComparison.Ordinal))
        {
            fields["DepartmentIds"] = target["dept:".Length..];
        }
        else if (target == "user:outsider")
        {
            fields["UserIds"] = outsider.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (target.StartsWith("user:", StringComparison.Ordinal))
        {
            fields["UserIds"] = target["user:".Length..];
        }

        var response = await admin.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", fields);
        var document = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        if (fields.TryGetValue("DepartmentIds", out var department))
        {
            Assert.True(document.QuerySelector($"input[name=DepartmentIds][value='{department}']") is not { } box || box.HasAttribute("checked"));
        }

        var (_, status) = await admin.GetAsync($"/manuals/{id}/reading");
        Assert.DoesNotContain("reading.outsider", status.QuerySelector(".reading-table")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_ManualNotAssignedToTheReader_Is400AndRecordsNothing()
    {
        await factory.CreateUserAsync("reading.free", Roles.Reader, Department);
        var reader = await WebSession.SignInAsync(factory, "reading.free", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("月次決算の手順");
        var token = await reader.TokenFromAsync($"/manuals/{id}");

        var response = await reader.PostAsync($"/manuals/{id}/read", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var (_, page) = await reader.GetAsync($"/manuals/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(page.QuerySelector("[aria-labelledby=required-reading-heading]"));
    }

    [Fact]
    public async Task Unassign_ADepartment_ItsPeopleLeaveTheListAndTheHomePage_ThePersonAssignedDirectlyStays_AndItIsAudited()
    {
        var member = await factory.CreateUserAsync("reading.unassign.member", Roles.Reader, "総務");
        var direct = await factory.CreateUserAsync("reading.unassign.direct", Roles.Reader, "総務");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var reader = await WebSession.SignInAsync(factory, "reading.unassign.member", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("月次決算の手順");
        var generalAffairs = (await factory.Services.GetRequiredService<global::Manuals.Core.Departments.IDepartmentStore>().ListAsync(CancellationToken.None)).Single(d => d.Name == "総務").Id;
        await admin.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new()
        {
            ["UserIds"] = direct.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DepartmentIds"] = generalAffairs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BusinessDays"] = "5",
        });
        var (_, before) = await admin.GetAsync($"/manuals/{id}/reading");
        var removeForm = before.QuerySelectorAll("form[action$='/remove']").Single(f => f.GetAttribute("data-confirm")!.Contains("総務（部署の全員）", StringComparison.Ordinal));

        var removed = await admin.SubmitAsync($"/manuals/{id}/reading", $"form[action='{removeForm.GetAttribute("action")}']", []);
        var again = await admin.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new() { ["BusinessDays"] = "5" });
        var (_, after) = await admin.GetAsync($"/manuals/{id}/reading");
        var (_, home) = await reader.GetAsync("/");
        var twice = await admin.PostAsync(removeForm.GetAttribute("action")!, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await admin.TokenFromAsync($"/manuals/{id}/reading"),
        });

        Assert.Contains("reading.unassign.member", before.QuerySelector(".reading-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var table = after.QuerySelector(".reading-table")!.TextContent;
        Assert.DoesNotContain("reading.unassign.member", table, StringComparison.Ordinal);
        Assert.Contains("reading.unassign.direct", table, StringComparison.Ordinal);
        Assert.Null(home.QuerySelector("[data-required-reading]"));
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var entry = (await factory.Services.GetRequiredService<IAuditLog>()
            .ListAsync(new AuditFilter(Action: AuditAction.ReadingUnassigned), new AuditPageRequest(Size: 1), CancellationToken.None)).Entries.Single();
        Assert.Equal(("月次決算の手順", "総務（部署の全員）"), (entry.TargetName, entry.Detail));
        _ = member;
    }

    [Fact]
    public async Task Csv_Status_IsUtf8WithBomOneRowPerPersonForExcel()
    {
        var hire = await factory.CreateUserAsync("reading.csv.hire", Roles.Reader, Department);
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync(Title);
        await admin.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new()
        {
            ["UserIds"] = hire.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BusinessDays"] = "5",
        });

        var (response, _) = await admin.GetAsync($"/manuals/{id}/reading.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\uFEFFマニュアル,氏名,期限,状況,確認した版,確認日時,期限切れ,理解度チェック\r\n", text, StringComparison.Ordinal);
        var line = Assert.Single(text.Split("\r\n"), l => l.Contains("reading.csv.hire", StringComparison.Ordinal));
        Assert.StartsWith($"{Title},", line, StringComparison.Ordinal);
        Assert.Contains(",未読,", line, StringComparison.Ordinal);
    }

    private async Task<Manual> FindAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;

    private async Task<long> IdOfAsync(string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;
}
