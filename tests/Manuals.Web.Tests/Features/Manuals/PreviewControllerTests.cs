using System.Net;
using System.Text.Json;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>The editor's live preview endpoint, <c>POST /manuals/preview</c>, and the editor markup it serves.</summary>
public sealed class PreviewControllerTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Url = "/manuals/preview";

    [Fact]
    public async Task Render_Writer_ReturnsSanitisedHtmlAsJson()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        const string markdown = """
            ## 手順
            1. 申請書を開きます。

            <script>alert('x')</script>

            [危険なリンク](javascript:alert(1)) ![外部画像](https://tracker.example/p.png) ![画面](/images/abc)

            :::warning
            締め日を過ぎた申請は受け付けません。
            :::
            """;

        var response = await PostAsync(admin, await admin.TokenFromAsync("/manuals/new"), markdown);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var html = await HtmlOfAsync(response);
        Assert.Contains("<h2 id=\"手順\">手順</h2>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"step-1\"", html, StringComparison.Ordinal);
        Assert.Contains("申請書を開きます。</li>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/images/abc\" alt=\"画面\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"callout-label\">注意</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EnglishUser_LabelsCalloutsInEnglish()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        await admin.SubmitAsync("/manuals", "form.language-switch", new(), "culture", "en-US");

        var response = await PostAsync(admin, await admin.TokenFromAsync("/manuals/new"), ":::tip\n先に保存します。\n:::");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"callout-label\">Tip</p>", await HtmlOfAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Reader_Returns403()
    {
        await factory.CreateUserAsync("reader.preview", Roles.Reader, "総務");
        var reader = await WebSession.SignInAsync(factory, "reader.preview", ManualsAppFactory.UserPassword);
        var token = await reader.TokenFromAsync("/account/password");

        var response = await PostAsync(reader, token, "## 見出し");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Render_Anonymous_RedirectsToSignIn()
    {
        using var anonymous = factory.CreateBrowserlikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "x" });

        var response = await anonymous.PostAsync(new Uri(Url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithoutAntiforgeryToken_Returns400()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await PostAsync(admin, token: null, "## 見出し");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<h2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_OverBodyLimit_Returns400WithJapaneseMessage()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await PostAsync(admin, await admin.TokenFromAsync("/manuals/new"), new string('あ', ManualLimits.BodyMaxLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("200,000文字以内", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AtBodyLimit_Renders()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await PostAsync(admin, await admin.TokenFromAsync("/manuals/new"), new string('あ', ManualLimits.BodyMaxLength));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(new string('あ', 100), await HtmlOfAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_FieldBeyondServerFormLimit_Returns400NotServerError()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var response = await PostAsync(admin, await admin.TokenFromAsync("/manuals/new"), new string('a', 5_000_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task New_Writer_EditorExtrasStayHiddenUntilTheScriptRuns()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, document) = await admin.GetAsync("/manuals/new?editor=markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var toolbar = document.QuerySelector("[role=toolbar]")!;
        Assert.True(toolbar.HasAttribute("hidden"));
        Assert.Equal(
            ["見出し", "手順を追加", "注意", "ポイント", "NG", "チェックリスト", "表", "リンク", "画像"],
            toolbar.QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label")));
        Assert.All(toolbar.QuerySelectorAll("button"), b => Assert.Equal("button", b.GetAttribute("type")));
        Assert.True(document.QuerySelector(".editor-preview")!.HasAttribute("hidden"));
        Assert.True(document.QuerySelector("#draft-banner")!.HasAttribute("hidden"));
        Assert.NotNull(document.QuerySelector("script[type=module][src^='/js/editor.js']"));
        // The no-script path: the server-rendered preview button is still there.
        Assert.NotNull(document.QuerySelector("button[name=intent][value=preview]"));
        var strings = document.QuerySelector("#editor-strings")!.Attributes.Where(a => a.Name.StartsWith("data-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(strings);
        Assert.All(strings, a => Assert.False(string.IsNullOrWhiteSpace(a.Value), a.Name));
    }

    private static async Task<HttpResponseMessage> PostAsync(WebSession session, string? token, string markdown)
    {
        // Multipart, as the editor's fetch sends FormData.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, UriKind.Relative))
        {
            Content = new MultipartFormDataContent { { new StringContent(markdown), "markdown" } },
        };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await session.Client.SendAsync(request);
    }

    private static async Task<string> HtmlOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("html").GetString()!;
    }
}
