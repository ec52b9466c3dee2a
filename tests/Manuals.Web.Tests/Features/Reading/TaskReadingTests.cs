using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Reading;

/// <summary>業務のマニュアルを必読に指定: every manual of the chosen tasks assigned at once, or none with the reason per manual.</summary>
public sealed class TaskReadingTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Department = "人事・労務";

    [Fact]
    public async Task Assign_TwoTasksToANewHire_BothManualsAreOnTheHomePageAndAudited()
    {
        var hire = await factory.CreateUserAsync("tasks.hire", Roles.Reader, Department);
        await factory.CreateUserAsync("tasks.editor", Roles.Editor, Department);
        var editor = await WebSession.SignInAsync(factory, "tasks.editor", ManualsAppFactory.UserPassword);
        var reader = await WebSession.SignInAsync(factory, "tasks.hire", ManualsAppFactory.UserPassword);
        var payroll = await TaskIdAsync("給与計算");

        var (_, page) = await editor.GetAsync($"/reading/tasks?task={payroll}");
        var response = await editor.SubmitAsync($"/reading/tasks?task={payroll}", "form[action='/reading/tasks']", new()
        {
            ["TaskIds"] = (await TaskIdAsync("年末調整")).ToString(CultureInfo.InvariantCulture),
            ["UserIds"] = hire.ToString(CultureInfo.InvariantCulture),
            ["BusinessDays"] = "10",
        });
        var (_, done) = await editor.GetAsync("/reading/tasks");
        var (_, home) = await reader.GetAsync("/");

        Assert.True(page.QuerySelector($"input[name=TaskIds][value='{payroll}']")!.HasAttribute("checked"), "the task the link named is not chosen");
        Assert.Null(page.QuerySelector("input[name=TaskIds][value='" + await TaskIdAsync("月次決算（仮締め）") + "']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("1 件のマニュアルを必読に指定しました。", done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["年末調整の手順"], home.QuerySelectorAll("[data-required-reading] a").Select(a => a.TextContent.Trim()));
        var entries = (await factory.Services.GetRequiredService<IAuditLog>()
            .ListAsync(new AuditFilter(Action: AuditAction.ReadingAssigned), new AuditPageRequest(Size: 10), CancellationToken.None)).Entries;
        Assert.Contains(entries, e => e.TargetName == "年末調整の手順" && e.Detail == "個人 1 人・部署 0 件、期限 10 営業日");
    }

    [Fact]
    public async Task DepartmentStatus_ListsEachPersonWithTheirManualsAndStates_ForTheDepartmentsEditors_AndAsCsv()
    {
        var hire = await factory.CreateUserAsync("dept.hire", Roles.Reader, Department);
        await factory.CreateUserAsync("dept.editor", Roles.Editor, Department);
        await factory.CreateUserAsync("dept.outsider", Roles.Editor, "広報");
        var editor = await WebSession.SignInAsync(factory, "dept.editor", ManualsAppFactory.UserPassword);
        var reader = await WebSession.SignInAsync(factory, "dept.hire", ManualsAppFactory.UserPassword);
        var outsider = await WebSession.SignInAsync(factory, "dept.outsider", ManualsAppFactory.UserPassword);
        var humanResources = (await factory.Services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None)).Single(d => d.Name == Department).Id;
        await editor.SubmitAsync("/reading/tasks", "form[action='/reading/tasks']", new()
        {
            ["TaskIds"] = (await TaskIdAsync("年末調整")).ToString(CultureInfo.InvariantCulture),
            ["UserIds"] = hire.ToString(CultureInfo.InvariantCulture),
            ["BusinessDays"] = "5",
        });
        await reader.GetAsync($"/manuals/{await ManualIdAsync("年末調整の手順")}");

        var (_, page) = await editor.GetAsync($"/reading/departments?department={humanResources}");
        var (csv, _) = await editor.GetAsync($"/reading/departments/csv?department={humanResources}");
        var (forbidden, _) = await outsider.GetAsync($"/reading/departments?department={humanResources}");

        var row = page.QuerySelectorAll(".reading-department tbody tr").Single(r => r.QuerySelector("summary")!.TextContent.StartsWith("dept.hire", StringComparison.Ordinal));
        Assert.Contains("年末調整の手順", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("既読・未確認", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "0", "1", "0"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Matches($"{Department},dept\\.hire[^,]*,年末調整の手順,\\d{{4}}-\\d{{2}}-\\d{{2}},既読・未確認,", text);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Assign_ARestrictedManualToAnotherDepartment_Is400NamingTheManual_NothingAssigned_ChoicesKept()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var publicRelations = (await factory.Services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None)).Single(d => d.Name == "広報").Id;
        var payroll = await TaskIdAsync("給与計算");
        var yearEnd = await TaskIdAsync("年末調整");

        var response = await admin.SubmitAsync("/reading/tasks", "form[action='/reading/tasks']", new()
        {
            ["TaskIds"] = payroll.ToString(CultureInfo.InvariantCulture),
            ["DepartmentIds"] = publicRelations.ToString(CultureInfo.InvariantCulture),
            ["BusinessDays"] = "5",
        });
        var document = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("「給与計算の手順」：部署限定のマニュアルは", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.True(document.QuerySelector($"input[name=TaskIds][value='{payroll}']")!.HasAttribute("checked"));
        Assert.False(document.QuerySelector($"input[name=TaskIds][value='{yearEnd}']")!.HasAttribute("checked"));
        var (_, status) = await admin.GetAsync($"/manuals/{await ManualIdAsync("給与計算の手順")}/reading");
        Assert.Contains("まだ誰にも必読に指定していません", status.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_TasksWhoseManualsTheEditorMayNotEdit_Is400()
    {
        await factory.CreateUserAsync("tasks.other", Roles.Editor, "広報");
        var editor = await WebSession.SignInAsync(factory, "tasks.other", ManualsAppFactory.UserPassword);

        var response = await editor.PostAsync("/reading/tasks", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await editor.TokenFromAsync("/account/password"),
            ["TaskIds"] = (await TaskIdAsync("月次決算（仮締め）")).ToString(CultureInfo.InvariantCulture),
            ["DepartmentIds"] = "1",
            ["BusinessDays"] = "5",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("あなたが編集できるものがありません", (await WebSession.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<long> TaskIdAsync(string name) =>
        (await factory.Services.GetRequiredService<IBusinessTaskStore>().ListAsync(null, CancellationToken.None)).Single(t => t.Name == name).Id;

    private async Task<long> ManualIdAsync(string title) =>
        (await factory.Services.GetRequiredService<global::Manuals.Core.Manuals.IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;
}
