using System.Globalization;
using System.Net;
using Manuals.Web.Tests.Infrastructure;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>The coverage pages over the sample company: verdicts explained, charts with text alternatives, the what-if, bad input.</summary>
public sealed class CoveragePagesTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private Task<WebSession> AdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    [Fact]
    public async Task Dashboard_SampleCompany_ChartsHaveTextAlternativesAndListsNameTasksAndPeople()
    {
        var admin = await AdminAsync();

        var (response, page) = await admin.GetAsync("/coverage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var totals = page.QuerySelectorAll(".risk-total__count").Select(e => int.Parse(e.TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, totals.Count);
        Assert.Equal(120, totals.Sum());
        Assert.All(totals, count => Assert.True(count > 0));
        var chart = page.QuerySelector("svg.risk-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("部署別・リスク別の業務数", chart.QuerySelector("title")!.TextContent);
        Assert.Contains("経理・財務: 24業務（危険", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var hiddenTable = page.QuerySelector("#by-department-heading")!.ParentElement!.QuerySelector(".visually-hidden table")!;
        Assert.Equal(7, hiddenTable.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(7, page.QuerySelectorAll("figure.heatmap svg[role=img] > title").Length);
        Assert.Equal(7, page.QuerySelectorAll("figure.heatmap .visually-hidden table").Length);
        Assert.Contains("消費税申告書の作成", page.QuerySelector(".at-risk-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("前田 浩二", page.QuerySelector(".sole-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_Department_EachRowHasRiskAndOneSentenceWithFix()
    {
        var admin = await AdminAsync();

        var (_, page) = await admin.GetAsync("/tasks?department=1");

        var row = page.QuerySelectorAll(".coverage-table tbody tr").Single(r => r.TextContent.Contains("消費税申告書の作成", StringComparison.Ordinal));
        Assert.Contains("危険", row.QuerySelector(".risk")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            "危険: 一人でできる人がおらず、使えるマニュアルもありません。マニュアルを作成し、一人でできる担当者を育成してください。",
            row.QuerySelector(".explanation")!.TextContent.Trim());
        Assert.Equal(24, page.QuerySelectorAll(".coverage-table tbody tr").Length);
    }

    [Fact]
    public async Task TaskPage_LeaverWithin30Days_ShownAndNotCounted()
    {
        var admin = await AdminAsync();
        var task = await TaskAsync(factory, "月次決算（仮締め）");
        // The sample manual was reviewed on a fixed date; reviewed now, it is usable whatever day the test runs.
        await MarkReviewedAsync(factory, "月次決算の手順");

        var (_, page) = await admin.GetAsync($"/tasks/{task.Id}");

        Assert.Equal("要注意: 前田 浩二さんしかできません。", page.QuerySelector(".verdict__text")!.TextContent.Trim());
        Assert.Contains("マニュアルを使って副担当を育成してください。", page.QuerySelector(".verdict__fix")!.TextContent, StringComparison.Ordinal);
        var people = page.QuerySelector("#people-heading")!.ParentElement!.ParentElement!;
        var ishii = people.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("石井 和子", StringComparison.Ordinal));
        Assert.Contains("30日以内のため、できる人に数えていません", ishii.TextContent, StringComparison.Ordinal);
        Assert.Contains("月次決算の手順", page.QuerySelector(".linked-manuals")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_TwoPeopleGone_ListsTasksDroppingWithRiskBeforeAndAfter()
    {
        var admin = await AdminAsync();
        var ishii = await EmployeeAsync(factory, "石井 和子");
        var murakami = await EmployeeAsync(factory, "村上 優子");

        var (response, page) = await admin.GetAsync($"/coverage/what-if?employee={ishii.Id}&employee={murakami.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("石井 和子、村上 優子さんがいなくなった場合", page.QuerySelector("#result-heading")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelectorAll(".coverage-table tbody tr").Single(r => r.TextContent.Contains("資金繰り表の作成", StringComparison.Ordinal));
        Assert.Contains("is-dropping", row.ClassName, StringComparison.Ordinal);
        Assert.Matches(@"1\s*→\s*から\s*0", row.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("危険: 一人でできる人がおらず", row.TextContent, StringComparison.Ordinal);
        var budget = page.QuerySelectorAll(".coverage-table tbody tr").Single(r => r.TextContent.Contains("予算策定の取りまとめ", StringComparison.Ordinal));
        Assert.Equal(["注意", "危険"], budget.QuerySelectorAll(".risk").Select(b => b.TextContent.Trim().TrimStart('●', '▲', ' ')));
    }

    [Theory]
    [InlineData("/coverage/what-if?employee=999999", HttpStatusCode.NotFound)]
    [InlineData("/coverage/what-if?employee=abc", HttpStatusCode.BadRequest)]
    [InlineData("/tasks/999999", HttpStatusCode.NotFound)]
    [InlineData("/tasks/999999/edit", HttpStatusCode.NotFound)]
    [InlineData("/tasks?department=abc", HttpStatusCode.BadRequest)]
    [InlineData("/tasks?department=999", HttpStatusCode.NotFound)]
    [InlineData("/tasks?risk=Bogus", HttpStatusCode.BadRequest)]
    [InlineData("/tasks?risk=99", HttpStatusCode.BadRequest)]
    [InlineData("/tasks?manual=999999", HttpStatusCode.NotFound)]
    [InlineData("/employees/999999", HttpStatusCode.NotFound)]
    [InlineData("/employees?department=x", HttpStatusCode.BadRequest)]
    [InlineData("/coverage/matrix?department=999", HttpStatusCode.NotFound)]
    [InlineData("/coverage/matrix/history?department=999", HttpStatusCode.NotFound)]
    [InlineData("/coverage/export/bogus.csv", HttpStatusCode.NotFound)]
    [InlineData("/coverage/import?kind=Bogus", HttpStatusCode.BadRequest)]
    public async Task Pages_BadInput_Clear4xx(string url, HttpStatusCode expected)
    {
        var admin = await AdminAsync();

        var (response, page) = await admin.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task Tasks_English_ExplainedInEnglish()
    {
        var admin = await AdminAsync();
        var token = await admin.TokenFromAsync("/tasks");
        await admin.PostAsync("/language", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["culture"] = "en-US", ["returnUrl"] = "/tasks" });

        var (_, page) = await admin.GetAsync("/tasks?department=1");

        var row = page.QuerySelectorAll(".coverage-table tbody tr").Single(r => r.TextContent.Contains("法人税申告の準備", StringComparison.Ordinal));
        Assert.Equal(
            "Critical: only 前田 浩二 can do this, and there is no usable manual.Write a manual and train a backup.",
            row.QuerySelector(".explanation")!.TextContent.Trim());
    }
}
