using System.Net;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Handovers;

/// <summary>
/// Handover pages over HTTP on the sample company: start, edit, sign, complete and reopen, with the rights, the
/// messages in Japanese and nothing lost when input is refused. Each test starts its own employee's handover.
/// </summary>
public sealed class HandoverPagesTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Start_Admin_PlansItemsFromMatrixAndRedirectsToChecklist()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync(factory, "中山 修");

        var response = await StartAsync(admin, employee.Id, "Leaving");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var (page, document) = await admin.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("中山 修さんの引継ぎ 進行中", Squeeze(document.QuerySelector("h1")!.TextContent));
        var rows = document.QuerySelectorAll(".handover-items tbody th[scope=row] a").Select(a => a.TextContent).ToList();
        Assert.Contains("印鑑の管理と押印申請の受付", rows);
        Assert.Contains("賃貸借契約（オフィス）の管理", rows);
        Assert.Contains("社宅の契約と入退去手続き", rows);
        Assert.DoesNotContain("固定電話・携帯電話の契約管理", rows);
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<WebSession> AdminAsync() => await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private static async Task<HttpResponseMessage> StartAsync(WebSession session, long employeeId, string reason, string manager = "松田 康弘") =>
        await session.SubmitAsync(
            $"/handovers/new?employee={employeeId}",
            "form[action='/handovers/new'][method=post]",
            new() { ["Reason"] = reason, ["ManagerName"] = manager });
}
