using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Manuals.Web.Tests.Features.Images;
using Manuals.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// Several nodes, one PostgreSQL, behind nginx (<see cref="NodesBehindNginx"/>): everything goes through nginx, over
/// TLS. Work done through node A is seen at once through node B — the session, a saved manual at its new revision and in
/// search, an uploaded image, a role change — and killing node A in a stream of saves loses no acknowledged save.
/// </summary>
[LongRunning(40)]
public sealed class BehindNginxTests(NodesBehindNginx nodes, ITestOutputHelper output) : IClassFixture<NodesBehindNginx>
{
    private const string EditorPassword = "editor-initial-password";
    private const string EditorOwnPassword = "editor-own-password-2";
    private const string ReaderPassword = "reader-initial-password";
    private const string ReaderOwnPassword = "reader-own-password-2";

    /// <summary>How long a search may take to show a save made on the other node (README: within a second, unloaded).</summary>
    private static readonly TimeSpan SearchDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Nginx_HttpsRequest_ReachesTheAppAsHttpsFromTheClientWithUploadsUpToTheAppsLimitAndCachedStaticFiles()
    {
        var browser = nodes.NewBrowser();
        var https = browser.ThroughBoth;

        // The forwarded scheme: the sign-in redirect is https to nginx's own address, and the cookies are Secure.
        var home = await https.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith(new Uri(nodes.Both.Https, "/account/sign-in").ToString(), home.Headers.Location!.ToString(), StringComparison.Ordinal);
        // A client's own X-Forwarded-For is replaced by nginx: the app records the address nginx saw.
        https.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        await browser.SignInAsync(https, "admin", AppNode.AdminPassword);
        var cookies = browser.Cookies.GetCookies(nodes.Both.Https);
        Assert.True(cookies["manuals.auth"]?.Secure, "The session cookie is Secure.");
        Assert.True(cookies["manuals.csrf"]?.Secure, "The antiforgery cookie is Secure.");
        var (audit, auditPage) = await https.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("127.0.0.1", auditPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.9", auditPage.Body!.TextContent, StringComparison.Ordinal);

        // Plain http is sent to https.
        using (var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = nodes.Both.Http })
        {
            var redirect = await plain.GetAsync(new Uri("/manuals/1?x=1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
            Assert.Equal("https://127.0.0.1/manuals/1?x=1", redirect.Headers.Location!.ToString());
        }

        // Upload size: a body just under the app's limit reaches the app (which refuses it as no picture, in JSON); one
        // over nginx's limit is refused by nginx before it reaches a node.
        var token = await https.TokenFromAsync("/manuals/new?department=3");
        var underLimit = await UploadAsync(https, token, new byte[(10 * 1024 * 1024) - 1024]);
        Assert.Equal(HttpStatusCode.BadRequest, underLimit.StatusCode);
        Assert.Equal("application/json", underLimit.Content.Headers.ContentType?.MediaType);
        var overLimit = await UploadAsync(https, token, new byte[12 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit.StatusCode);
        Assert.Contains("nginx", await overLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Static files: a versioned URL is kept by nginx and by browsers for a year; a module imported by name is
        // revalidated with its ETag. Both are the files of wwwroot.
        var (_, signInPage) = await nodes.NewBrowser().ThroughBoth.GetAsync("/account/sign-in");
        var stylesheet = signInPage.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);
        var css = File.ReadAllBytes(Path.Combine(ManualsAppFactory.RepositoryRoot, "src", "Manuals.Web", "wwwroot", "css", "site.css"));
        var first = await https.Client.GetAsync(new Uri(stylesheet, UriKind.Relative));
        var second = await https.Client.GetAsync(new Uri(stylesheet, UriKind.Relative));
        Assert.Equal(css, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache-Status").Single());
        Assert.Equal("public, max-age=31536000, immutable", second.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal(css, await first.Content.ReadAsByteArrayAsync());
        var module = await https.Client.GetAsync(new Uri("/js/editor.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Equal("no-cache", module.Headers.NonValidated["Cache-Control"].ToString());
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri("/js/editor.js", UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(module.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await https.Client.SendAsync(revalidate)).StatusCode);
    }

    [Fact]
    public async Task Nodes_WorkThroughNodeA_IsSeenThroughNodeBAtOnce_AndKillingNodeALosesNoAcknowledgedSave()
    {
        // A session started through node A works through node B.
        var admin = nodes.NewBrowser();
        await admin.SignInAsync(admin.ThroughA, "admin", AppNode.AdminPassword);
        var (users, _) = await admin.ThroughB.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);

        var editorId = await CreateUserAsync(admin.ThroughA, "soumu-editor", "総務 編集者", EditorPassword, "Editor");
        await CreateUserAsync(admin.ThroughB, "soumu-reader", "総務 閲覧者", ReaderPassword, "Reader");
        var editor = nodes.NewBrowser();
        await editor.SignInAsync(editor.ThroughA, "soumu-editor", EditorPassword, EditorOwnPassword);
        var reader = nodes.NewBrowser();
        await reader.SignInAsync(reader.ThroughB, "soumu-reader", ReaderPassword, ReaderOwnPassword);

        // A manual saved on one node is shown on the other at its new revision, and found there, at once: saves
        // alternate between the nodes and each is read back on the other immediately.
        var manual = await SaveAsync(editor.ThroughA, "/manuals/new?department=3", new()
        {
            ["Title"] = "二拠点の備品発注手順 nodesrevisionzero",
            ["Body"] = "## 手順\n1. 発注書を作成します。",
            ["DepartmentId"] = "3",
            ["Visibility"] = "Company",
            ["Status"] = "Published",
        });
        var body = "## 手順\n1. 発注書を作成します。";
        for (var revision = 2; revision <= 6; revision++)
        {
            var (writer, readBack) = revision % 2 == 0 ? (editor.ThroughA, reader.ThroughB) : (editor.ThroughB, reader.ThroughA);
            var word = "nodesrevision" + Word(revision);
            body += $"\n1. {word} を確認します。";
            Assert.Equal(manual, await SaveAsync(writer, $"/manuals/{manual}/edit?editor=markdown", new() { ["Body"] = body }));
            var (shown, page) = await readBack.GetAsync($"/manuals/{manual}");
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Equal(revision.ToString(CultureInfo.InvariantCulture), page.QuerySelector("script[data-manual-revision]")?.GetAttribute("data-manual-revision"));
            Assert.Contains(word, page.Body!.TextContent, StringComparison.Ordinal);
            await FoundAsync(readBack, word, [manual]);
        }

        // What TwoNodesTests proved: a company-wide manual of 経理・財務 saved on A is found on B by a Reader of 総務;
        // made 部署限定 on A, B no longer shows it to them, in results or counts, while an Admin on B still finds it.
        const string hidden = "nodezebraquartz";
        var other = await SaveAsync(admin.ThroughA, "/manuals/new?department=1", new()
        {
            ["Title"] = "二拠点の仕訳確認 " + hidden,
            ["Body"] = "## 手順\n1. 伝票を確認します。" + hidden,
            ["DepartmentId"] = "1",
            ["Visibility"] = "Company",
            ["Status"] = "Published",
        });
        await FoundAsync(reader.ThroughB, hidden, [other]);
        await SaveAsync(admin.ThroughA, $"/manuals/{other}/edit", new() { ["Visibility"] = "Department" });
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ThroughB.GetAsync($"/manuals/{other}")).Response.StatusCode);
        var results = await FoundAsync(reader.ThroughB, hidden, []);
        Assert.Null(results.QuerySelector(".search-count"));
        Assert.Equal([other], await HitsAsync(admin.ThroughB, hidden));

        // An image uploaded on A and used in a manual is served by B, byte for byte what A serves.
        var token = await editor.ThroughA.TokenFromAsync("/manuals/new?department=3");
        var uploaded = await UploadAsync(editor.ThroughA, token, TestPng.Create(seed: 31));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var url = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        await SaveAsync(editor.ThroughA, $"/manuals/{manual}/edit?editor=markdown", new() { ["Body"] = body + $"\n\n![画面]({url})" });
        var onA = await editor.ThroughA.Client.GetAsync(new Uri(url, UriKind.Relative));
        var onB = await reader.ThroughB.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(TestPng.Stripped(seed: 31), await onA.Content.ReadAsByteArrayAsync());
        Assert.Equal(TestPng.Stripped(seed: 31), await onB.Content.ReadAsByteArrayAsync());

        // A role change on A applies on B: the editor's session there ends at once, and signed in again they are a Reader.
        Assert.Equal(HttpStatusCode.OK, (await editor.ThroughB.GetAsync("/manuals/new?department=3")).Response.StatusCode);
        var demoted = await admin.ThroughA.SubmitAsync($"/admin/users/{editorId}", $"form[action='/admin/users/{editorId}']", new() { ["Role"] = "Reader" });
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        var ended = (await editor.ThroughB.GetAsync("/manuals/new?department=3")).Response;
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("/account/sign-in", ended.Headers.Location!.ToString(), StringComparison.Ordinal);
        await editor.SignInAsync(editor.ThroughB, "soumu-editor", EditorOwnPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.ThroughB.GetAsync("/manuals/new?department=3")).Response.StatusCode);

        await KillNodeADuringSavesAsync(admin);
    }

    /// <summary>
    /// A stream of saves through nginx over both nodes while node A is killed (SIGKILL) in the middle of one of them (a
    /// save sent through the nginx of node A alone, so it is on A): every acknowledged save is there afterwards, read
    /// through B; one that got no answer is there whole or not at all; and nginx keeps serving every page through B.
    /// </summary>
    private async Task KillNodeADuringSavesAsync(NodesBehindNginx.Browser admin)
    {
        var acknowledged = new List<(long Id, string Word)>();
        var unanswered = new List<string>();
        var killed = false;
        var lastPost = TimeSpan.Zero;
        for (var i = 0; acknowledged.Count < 12 && i < 40; i++)
        {
            var word = "nodeskill" + Word(i);
            var killNow = acknowledged.Count == 4 && !killed;
            var through = killNow ? admin.ThroughA : admin.ThroughBoth;
            var (form, page) = await through.GetAsync("/manuals/new?department=3&editor=markdown");
            Assert.True(form.StatusCode == HttpStatusCode.OK, $"Save {i}: the form answered {(int)form.StatusCode} (killed: {killed}).\n{nodes.Output}");
            var fields = WebSession.FormFields((IHtmlFormElement)page.QuerySelector("form.manual-form")!);
            fields["Title"] = "停電時の連絡手順 " + word;
            fields["Body"] = "## 手順\n1. 連絡網で " + word + " を伝えます。";
            fields["DepartmentId"] = "3";
            fields["Status"] = "Published";
            fields["intent"] = "save";
            var posted = System.Diagnostics.Stopwatch.StartNew();
            var posting = through.PostAsync(page.QuerySelector("form.manual-form")!.GetAttribute("action")!, fields);
            if (killNow)
            {
                // Lands the kill inside this save on A (the last save took lastPost); nothing waits on the save to be done.
                await Task.Delay(lastPost / 2);
                await nodes.NodeA.KillAsync();
                killed = true;
            }

            var response = await posting;
            lastPost = posted.Elapsed;
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                acknowledged.Add((long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture), word));
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.BadGateway, $"Save {i} answered {(int)response.StatusCode}.\n{nodes.Output}");
                unanswered.Add(word);
            }
        }

        output.WriteLine($"{acknowledged.Count} saves acknowledged, {unanswered.Count} answered 502 (node A killed during the save after the fourth acknowledged one).");
        Assert.True(killed && acknowledged.Count == 12, $"The saves went on through node B after the kill.\n{nodes.Output}");
        foreach (var (id, word) in acknowledged)
        {
            var (shown, page) = await admin.ThroughB.GetAsync($"/manuals/{id}");
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains(word, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            await FoundAsync(admin.ThroughBoth, word, [id]);
        }

        foreach (var word in unanswered)
        {
            var hits = await HitsAsync(admin.ThroughB, word);
            Assert.True(hits.Count <= 1, $"'{word}' was saved {hits.Count} times.");
            foreach (var id in hits)
            {
                var (_, page) = await admin.ThroughB.GetAsync($"/manuals/{id}");
                Assert.Contains(word, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
                Assert.Contains("連絡網で " + word, page.Body!.TextContent, StringComparison.Ordinal);
            }
        }
    }

    private static async Task<long> CreateUserAsync(WebSession admin, string userName, string displayName, string password, string role)
    {
        var created = await admin.SubmitAsync("/admin/users/new", "form[action='/admin/users/new']", new()
        {
            ["UserName"] = userName,
            ["DisplayName"] = displayName,
            ["Password"] = password,
            ["Role"] = role,
            ["DepartmentIds"] = "3", // 総務
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<long> SaveAsync(WebSession session, string page, Dictionary<string, string> values)
    {
        var saved = await session.SubmitAsync(page, "form.manual-form", values, "intent", "save");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"Saving {page} answered {(int)saved.StatusCode}");
        return long.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, string token, byte[] data)
    {
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var content = new MultipartFormDataContent { { file, "file", "screenshot.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/images", UriKind.Relative)) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await session.Client.SendAsync(request);
    }

    /// <summary>
    /// Searches <paramref name="word"/> until the hits are <paramref name="expected"/> and returns that page. A search
    /// waits for the node's index to apply what the database's journal holds (bounded at 2 s), which on a two-core
    /// machine shared with other builds may not be enough; the deadline only bounds the wait.
    /// </summary>
    private async Task<IHtmlDocument> FoundAsync(WebSession session, string word, List<long> expected)
    {
        var since = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (response, document) = await session.GetAsync("/search?q=" + word);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var hits = Hits(document);
            if (hits.SequenceEqual(expected))
            {
                if (since.Elapsed > TimeSpan.FromSeconds(1))
                {
                    output.WriteLine($"'{word}': {since.Elapsed.TotalSeconds:0.0} s until the search agreed.");
                }

                return document;
            }

            Assert.True(since.Elapsed < SearchDeadline,
                $"After {since.Elapsed.TotalSeconds:0.0} s, '{word}' still finds [{string.Join(", ", hits)}], not [{string.Join(", ", expected)}].\n{nodes.Output}");
        }
    }

    private static async Task<List<long>> HitsAsync(WebSession session, string word)
    {
        var (response, document) = await session.GetAsync("/search?q=" + word);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Hits(document);
    }

    private static List<long> Hits(IHtmlDocument document) =>
        document.QuerySelectorAll(".search-hit__title a")
            .Select(a => long.Parse(a.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>Letters only (one token to the analyzer), different for each number.</summary>
    private static string Word(int number) =>
        string.Concat(number.ToString("D3", CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));
}
