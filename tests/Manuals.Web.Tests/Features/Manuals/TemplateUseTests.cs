using System.Net;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>Manuals written from step templates: the pre-filled editor, completeness, and refusing to publish when incomplete.</summary>
public sealed class TemplateUseTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task New_FromTemplate_PrefillsSkeletonAndRecordsTemplate()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var template = await TemplateAsync("業務手順書");

        var (response, document) = await admin.GetAsync($"/manuals/new?template={template.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(template.Body, ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("input[name='Editor.Source']")!).Value);
        Assert.Equal(["目的", "対象・前提", "手順", "例外・注意点", "ノウハウ（フローに書けないコツ）", "関連情報"], document.QuerySelectorAll("section.editor-block h2").Select(h => h.TextContent.Trim()));
        Assert.Equal("業務手順書", document.QuerySelector("select#Template option[selected]")!.GetAttribute("value"));
        // The 記入状況 panel becomes each block's marks: 目的 is required and still the template's hint.
        var purpose = document.QuerySelector("section.editor-block")!;
        Assert.Contains("必須", purpose.TextContent, StringComparison.Ordinal);
        Assert.Equal("未記入", purpose.QuerySelector("[data-block-state]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/manuals/new?template=999999", HttpStatusCode.NotFound)]
    [InlineData("/manuals/new?template=abc", HttpStatusCode.BadRequest)]
    public async Task New_UnknownTemplate_Returns4xx(string url, HttpStatusCode expected)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, _) = await admin.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Publish_WithEmptyRequiredSections_IsRefusedNamingThem_DraftSavesAnyway()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var template = await TemplateAsync("業務手順書");
        var body = template.Body.Replace("## 手順\n", "## 手順\n1. 申請書を受け取ります。\n", StringComparison.Ordinal);

        var refused = await admin.SubmitAsync($"/manuals/new?template={template.Id}", "form.manual-form",
            new() { ["Title"] = "名刺の発注", ["Body"] = body, ["Status"] = "Published" }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = await WebSession.ParseAsync(refused);
        var errors = document.QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("公開できません", errors, StringComparison.Ordinal);
        Assert.Contains("目的", errors, StringComparison.Ordinal);
        Assert.Contains("例外・注意点", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("手順、", errors, StringComparison.Ordinal);
        Assert.Equal(body, document.QuerySelector("textarea#Body")!.TextContent);
        Assert.DoesNotContain(await TitlesAsync(), t => t == "名刺の発注");

        var draft = await admin.SubmitAsync($"/manuals/new?template={template.Id}", "form.manual-form",
            new() { ["Title"] = "名刺の発注", ["Body"] = body, ["Status"] = "Draft" }, "intent", "save");

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var (_, page) = await admin.GetAsync(draft.Headers.Location!.OriginalString);
        Assert.Contains("目的", page.QuerySelector(".completeness")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", page.QuerySelector(".completeness")!.GetAttribute("data-complete"));
    }

    [Fact]
    public async Task Show_CompleteSample_SaysComplete()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == "月次決算の手順").Id;

        var (_, page) = await admin.GetAsync($"/manuals/{id}");

        Assert.Equal("true", page.QuerySelector(".completeness")!.GetAttribute("data-complete"));
    }

    private async Task<StepTemplate> TemplateAsync(string name) =>
        (await factory.Services.GetRequiredService<ITemplateStore>().FindByNameAsync(name, CancellationToken.None))!;

    private async Task<IEnumerable<string>> TitlesAsync() =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Select(m => m.Title);
}
