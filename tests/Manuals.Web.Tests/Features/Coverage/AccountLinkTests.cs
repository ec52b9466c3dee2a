using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>
/// Linking a person to a sign-in account says "this person is that account": handovers then move that account's manuals
/// and take sign-offs from it. An Editor links only accounts of their own department; an Admin any.
/// </summary>
public sealed class AccountLinkTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const long Somu = 3;

    [Fact]
    public async Task EmployeeForm_EditorOfB_AccountOfA_NotOfferedAndRefusedWithTextKept()
    {
        var accountOfA = await factory.CreateUserAsync("keiri.link.target", Roles.Editor, "経理・財務");
        await factory.CreateUserAsync("somu.link.editor", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "somu.link.editor", ManualsAppFactory.UserPassword);
        var before = await EmployeeCountAsync(factory);

        var (_, form) = await editor.GetAsync($"/employees/new?department={Somu}");
        var response = await editor.SubmitAsync($"/employees/new?department={Somu}", "form.card[method=post]", new()
        {
            ["Name"] = "境界 試験",
            ["DepartmentId"] = Somu.ToString(CultureInfo.InvariantCulture),
            ["UserId"] = accountOfA.ToString(CultureInfo.InvariantCulture),
        });
        var page = await WebSession.ParseAsync(response);

        Assert.Null(form.QuerySelector($"select[name=UserId] option[value='{accountOfA}']"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("この部署に所属していないログインユーザーは紐づけられません。", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("境界 試験", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal(before, await EmployeeCountAsync(factory));
    }

    [Fact]
    public async Task EmployeeForm_EditorOfA_LinksOwnDepartmentsAccount()
    {
        var own = await factory.CreateUserAsync("somu.link.own", Roles.Reader, "総務");
        await factory.CreateUserAsync("somu.link.editor2", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "somu.link.editor2", ManualsAppFactory.UserPassword);

        var response = await editor.SubmitAsync($"/employees/new?department={Somu}", "form.card[method=post]", new()
        {
            ["Name"] = "自部署 紐づけ",
            ["DepartmentId"] = Somu.ToString(CultureInfo.InvariantCulture),
            ["UserId"] = own.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(own, (await EmployeeAsync(factory, "自部署 紐づけ")).UserId);
    }

    [Fact]
    public async Task EmployeeForm_Admin_LinksAnyAccount()
    {
        var other = await factory.CreateUserAsync("keiri.link.byadmin", Roles.Reader, "経理・財務");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.SubmitAsync($"/employees/new?department={Somu}", "form.card[method=post]", new()
        {
            ["Name"] = "管理者 紐づけ",
            ["DepartmentId"] = Somu.ToString(CultureInfo.InvariantCulture),
            ["UserId"] = other.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(other, (await EmployeeAsync(factory, "管理者 紐づけ")).UserId);
    }

    [Fact]
    public async Task EmployeeCsv_EditorOfB_AccountOfA_RowRefusedNothingImported()
    {
        await factory.CreateUserAsync("keiri.csv.target", Roles.Admin, "経理・財務");
        await factory.CreateUserAsync("somu.csv.editor", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "somu.csv.editor", ManualsAppFactory.UserPassword);
        var before = await EmployeeCountAsync(factory);
        var csv = "部署,氏名,メールアドレス,在籍状況,日付,ユーザー名\n総務,乗っ取り 試験,,在籍,,keiri.csv.target\n";

        var (response, document) = await UploadAsync(editor, "Employees", Utf8(csv), "import");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ユーザー「keiri.csv.target」は部署「総務」に所属していないため、紐づけられません。", Errors(document), StringComparison.Ordinal);
        Assert.Equal(before, await EmployeeCountAsync(factory));
    }
}
