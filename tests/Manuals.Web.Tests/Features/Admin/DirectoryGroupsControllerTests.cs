using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Departments;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Admin;

public sealed class DirectoryGroupsControllerTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Page = "/admin/directory-groups";
    private const string AddForm = "form[action='/admin/directory-groups']";

    [Fact]
    public async Task Add_GroupAndDepartment_ListedAndAppliedAtTheNextCompanySignIn()
    {
        var admin = await AdminAsync();
        var jinji = await DepartmentIdAsync("人事・労務");

        var response = await admin.SubmitAsync(Page, AddForm, new() { ["GroupId"] = "  0b5f-jinji  ", ["Label"] = " 人事部 ", ["DepartmentId"] = jinji.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, document) = await admin.GetAsync(Page);
        var row = document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("0b5f-jinji", StringComparison.Ordinal));
        Assert.Contains("人事部", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("人事・労務", row.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IExternalSignIn>().SignInAsync(
            new ExternalIdentity("entra", "tenant", "oid-jinji", "人事 花子", null, "hanako@corp.example", [], ["0B5F-JINJI"]), CancellationToken.None);
        var user = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(result.UserId, CancellationToken.None);
        Assert.Equal([jinji], user!.DepartmentIds);
    }

    [Fact]
    public async Task Add_SameGroupAndDepartmentTwice_400WithMessageAndTextKept()
    {
        var admin = await AdminAsync();
        var soumu = (await DepartmentIdAsync("総務")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await admin.SubmitAsync(Page, AddForm, new() { ["GroupId"] = "dup-group", ["DepartmentId"] = soumu });

        var response = await admin.SubmitAsync(Page, AddForm, new() { ["GroupId"] = "DUP-GROUP", ["Label"] = "総務の人", ["DepartmentId"] = soumu });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("すでに部署「総務」に対応付けられています", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("DUP-GROUP", document.QuerySelector("input#GroupId")!.GetAttribute("value"));
        Assert.Equal("総務の人", document.QuerySelector("input#Label")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("   ", "1", "グループ ID")]
    [InlineData("ok-group", "999", "部署を一覧から選んでください")]
    [InlineData("g-012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", "1", "200文字以内")]
    public async Task Add_BadInput_400WithJapaneseMessageAndLabelKept(string groupId, string departmentId, string message)
    {
        var admin = await AdminAsync();

        var response = await admin.SubmitAsync(Page, AddForm, new() { ["GroupId"] = groupId, ["Label"] = "残る名前", ["DepartmentId"] = departmentId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("残る名前", document.QuerySelector("input#Label")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Remove_AfterTheConfirmationPage_MappingGone()
    {
        var admin = await AdminAsync();
        var soumu = (await DepartmentIdAsync("総務")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await admin.SubmitAsync(Page, AddForm, new() { ["GroupId"] = "to-remove", ["Label"] = "消すグループ", ["DepartmentId"] = soumu });
        var (_, list) = await admin.GetAsync(Page);
        var link = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("to-remove", StringComparison.Ordinal))
            .QuerySelector("a")!.GetAttribute("href")!;

        var (confirm, document) = await admin.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("消すグループ（to-remove）", document.QuerySelector("h1 + .card")!.TextContent, StringComparison.Ordinal);
        var response = await admin.SubmitAsync(link, $"form[action='{link}']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await admin.GetAsync(Page);
        Assert.DoesNotContain("to-remove", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(link)).Response.StatusCode);

        // Both changes are in the audit log, by the admin, naming the group and the department.
        var log = factory.Services.GetRequiredService<IAuditLog>();
        var entries = (await log.ListAsync(AuditFilter.None, new AuditPageRequest(Size: 2), CancellationToken.None)).Entries;
        Assert.Equal([AuditAction.GroupMappingRemoved, AuditAction.GroupMappingAdded], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(("管理者", AuditTargetType.GroupMapping, "消すグループ"), (e.ActorName, e.TargetType, e.TargetName));
            Assert.Equal("to-remove → 総務", e.Detail);
        });
    }

    [Fact]
    public async Task Index_NoMappingsYet_ExplainsWhatAGroupIdIs()
    {
        var fresh = new ManualsAppFactory();
        try
        {
            var admin = await WebSession.SignInAsync(fresh, "admin", ManualsAppFactory.AdminPassword);

            var (_, document) = await admin.GetAsync(Page);

            Assert.Contains("オブジェクト ID", document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Fact]
    public async Task Index_Editor_403()
    {
        await factory.CreateUserAsync("dg-editor", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "dg-editor", ManualsAppFactory.UserPassword);

        var (response, _) = await editor.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<WebSession> AdminAsync() => await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private async Task<long> DepartmentIdAsync(string name) =>
        (await factory.Services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None)).Single(d => d.Name == name).Id;
}
