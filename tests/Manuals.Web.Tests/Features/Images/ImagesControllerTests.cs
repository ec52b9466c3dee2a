using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Manuals.Core.Accounts;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Data;
using Manuals.Data.Images;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Images;

public sealed class ImagesControllerTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string TokenHeader = "RequestVerificationToken";

    [Fact]
    public async Task Upload_EditorSendsPngWithMetadata_Returns200JsonAndStoresItWithoutMetadata()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.upload", Roles.Editor, "総務");

        var response = await UploadAsync(editor, token, TestPng.Create(seed: 1, withMetadata: true), "スクリーンショット.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var stripped = TestPng.Stripped(seed: 1);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stripped));
        Assert.Equal("/images/" + sha, json.RootElement.GetProperty("url").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("height").GetInt32());
        Assert.Equal("image/png", json.RootElement.GetProperty("contentType").GetString());
        Assert.Equal(["contentType", "height", "url", "width"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        var stored = await factory.Services.GetRequiredService<IImageStore>().FindAsync(sha, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(stripped, stored.Data);
        Assert.DoesNotContain("撮影場所", Encoding.UTF8.GetString(stored.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AnimatedWebP_IsStoredAndServedWithEveryFrame()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.animation", Roles.Editor, "総務");
        Assert.True(ImageMagickSetup.IsAvailable);
        using var frames = new ImageMagick.MagickImageCollection();
        foreach (var (red, delay) in new[] { ((byte)255, 10u), ((byte)0, 40u) })
        {
            var pixels = Enumerable.Range(0, 8 * 6).SelectMany(_ => new[] { red, (byte)80, (byte)160, (byte)255 }).ToArray();
            var frame = new ImageMagick.MagickImage(pixels, new ImageMagick.PixelReadSettings(8, 6, ImageMagick.StorageType.Char, ImageMagick.PixelMapping.RGBA))
            {
                AnimationDelay = delay,
            };
            frame.Settings.SetDefine(ImageMagick.MagickFormat.WebP, "lossless", true);
            frames.Add(frame);
        }

        var upload = await UploadAsync(editor, token, frames.ToByteArray(ImageMagick.MagickFormat.WebP), "操作の流れ.webp", "image/webp");

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var json = await ReadJsonAsync(upload);
        Assert.Equal(("image/webp", 8, 6), (json.GetProperty("contentType").GetString(), json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        var served = await editor.Client.GetByteArrayAsync(new Uri(json.GetProperty("url").GetString()!, UriKind.Relative));
        using var stored = new ImageMagick.MagickImageCollection(served, new ImageMagick.MagickReadSettings { Format = ImageMagick.MagickFormat.WebP });
        Assert.Equal([10u, 40u], stored.Select(f => f.AnimationDelay));
    }

    [Fact]
    public async Task Upload_SamePictureTwice_ReturnsTheSameUrlAndStoresOneRow()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.twice", Roles.Editor, "総務");

        var first = await ReadJsonAsync(await UploadAsync(editor, token, TestPng.Create(seed: 2, withMetadata: true)));
        var second = await ReadJsonAsync(await UploadAsync(editor, token, TestPng.Create(seed: 2)));

        Assert.Equal(first.GetProperty("url").GetString(), second.GetProperty("url").GetString());
        var sha = first.GetProperty("url").GetString()!["/images/".Length..];
        Assert.Equal(1, await CountImagesAsync(sha));
    }

    [Fact]
    public async Task Upload_WrongNameAndDeclaredType_IsJudgedByItsBytes()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.mislabelled", Roles.Editor, "総務");

        var response = await UploadAsync(editor, token, TestPng.Create(seed: 3), "report.html", "text/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", (await ReadJsonAsync(response)).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Upload_Reader_Gets403AndNothingIsStored()
    {
        var (reader, token) = await SignInWithTokenAsync("reader.upload", Roles.Reader, "総務");
        var png = TestPng.Create(seed: 4);

        var response = await UploadAsync(reader, token, png);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountImagesAsync(Convert.ToHexStringLower(SHA256.HashData(png))));
    }

    [Fact]
    public async Task Upload_Anonymous_IsSentToSignIn()
    {
        var client = factory.CreateBrowserlikeClient();
        using var content = Multipart(TestPng.Create(seed: 5), "a.png", "image/png");

        var response = await client.PostAsync(new Uri("/images", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>""", "diagram.png", "image/png", "PNG・JPEG・GIF・WebP")]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>", "page.png", "image/png", "PNG・JPEG・GIF・WebP")]
    public async Task Upload_NotAnImage_Returns400WithJapaneseMessage(string text, string fileName, string contentType, string expected)
    {
        var (editor, token) = await SignInWithTokenAsync("editor.svg." + fileName, Roles.Editor, "総務");

        var response = await UploadAsync(editor, token, Encoding.UTF8.GetBytes(text), fileName, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await ReadJsonAsync(response)).GetProperty("error").GetString();
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("SVG は使えません", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PngFollowedByHtml_IsStoredAsThePictureAlone()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.polyglot", Roles.Editor, "総務");
        byte[] polyglot = [.. TestPng.Create(seed: 6), .. "<html><script>alert(1)</script></html>"u8];

        var url = (await ReadJsonAsync(await UploadAsync(editor, token, polyglot))).GetProperty("url").GetString()!;

        var stored = await (await editor.Client.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsByteArrayAsync();
        Assert.Equal(TestPng.Stripped(seed: 6), stored);
        Assert.DoesNotContain("<script", System.Text.Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TruncatedPng_Returns400SayingTheFileStopsShort()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.truncated", Roles.Editor, "総務");

        var response = await UploadAsync(editor, token, TestPng.Create(seed: 7)[..40]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("途中で切れています", (await ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImageLimits.MaxBytes + 1)]
    [InlineData(ImageLimits.MaxBytes + (1024 * 1024))]
    public async Task Upload_MoreThanTenMegabytes_Returns413JsonNotServerError(int size)
    {
        var (editor, token) = await SignInWithTokenAsync("editor.big." + size, Roles.Editor, "総務");
        var data = new byte[size];
        TestPng.Create(seed: 8).CopyTo(data, 0);

        var response = await UploadAsync(editor, token, data);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("10 MB", (await ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OversizedBodyWithoutContentLength_ReturnsJson4xxNotServerError()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.chunked", Roles.Editor, "総務");
        using var multipart = Multipart(new byte[ImageLimits.MaxBytes + (2 * 1024 * 1024)], "big.png", "image/png");
        var body = await multipart.ReadAsByteArrayAsync();
        using var streamed = new StreamContent(new UnknownLengthStream(body));
        streamed.Headers.ContentType = multipart.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/images", UriKind.Relative)) { Content = streamed };
        request.Headers.Add(TokenHeader, token);

        var response = await editor.Client.SendAsync(request);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
        Assert.False(string.IsNullOrEmpty((await ReadJsonAsync(response)).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_Returns400JsonAndStoresNothing()
    {
        var (editor, _) = await SignInWithTokenAsync("editor.csrf", Roles.Editor, "総務");
        var png = TestPng.Create(seed: 9);

        var response = await UploadAsync(editor, token: null, png);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("再読み込み", (await ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountImagesAsync(Convert.ToHexStringLower(SHA256.HashData(png))));
    }

    [Fact]
    public async Task Upload_NoFileField_Returns400Json()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.nofile", Roles.Editor, "総務");
        using var content = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/images", UriKind.Relative)) { Content = content };
        request.Headers.Add(TokenHeader, token);

        var response = await editor.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("画像ファイルが送信されていません", (await ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UploadedImage_ServesBytesWithTypeNosniffEtagInlineAndSandbox_NotCachedWhileNoManualUsesIt()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.show", Roles.Editor, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, TestPng.Create(seed: 10, withMetadata: true)))).GetProperty("url").GetString()!;
        var sha = url["/images/".Length..];

        var response = await editor.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestPng.Stripped(seed: 10), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", response.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal($"\"{sha}\"", response.Headers.ETag?.Tag);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("default-src 'none'; sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Show_IfNoneMatchWithTheHash_Returns304WithoutBody()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.etag", Roles.Editor, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, TestPng.Create(seed: 11)))).GetProperty("url").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{url["/images/".Length..]}\""));

        var response = await editor.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", response.Headers.NonValidated["Cache-Control"].ToString());
    }

    [Fact]
    public async Task Show_ImageSavedInAManual_IsCachedPrivatelyForAYearAsImmutable_AtEveryWidth()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.cache", Roles.Editor, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, Screenshot(1200, 700)))).GetProperty("url").GetString()!;
        var saved = await editor.SubmitAsync("/manuals/new", "form.manual-form",
            new() { ["Title"] = "キャッシュされる画面", ["Body"] = $"## 目的\n\n![画面]({url})\n" }, "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var whole = await editor.Client.GetAsync(new Uri(url, UriKind.Relative));
        using var small = await editor.Client.GetAsync(new Uri(url + "?w=480", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{url["/images/".Length..]}\""));
        using var notModified = await editor.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        foreach (var response in new[] { whole, small, notModified })
        {
            Assert.Equal("private, max-age=31536000, immutable", response.Headers.NonValidated["Cache-Control"].ToString());
        }
    }

    [Theory]
    [InlineData("/images/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/images/0123")]
    [InlineData("/images/..%2F..%2Fappsettings.json")]
    public async Task Show_UnknownOrMalformedHash_Returns404(string url)
    {
        var (reader, _) = await SignInWithTokenAsync("reader.unknown." + url.Length, Roles.Reader, "総務");

        var response = await reader.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Show_HashInUpperCase_Returns404EvenForTheUploader()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.upper", Roles.Editor, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, TestPng.Create(seed: 12)))).GetProperty("url").GetString()!;

        var response = await editor.Client.GetAsync(new Uri("/images/" + url["/images/".Length..].ToUpperInvariant(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Show_Anonymous_IsSentToSignIn()
    {
        var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/images/" + new string('a', 64), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Show_ImageOnlyInRestrictedManual_IsServedToMembersAndIs404ForOutsiders()
    {
        var (writer, token) = await SignInWithTokenAsync("editor.jinji", Roles.Editor, "人事・労務");
        var (outsider, _) = await SignInWithTokenAsync("reader.koho", Roles.Reader, "広報");
        var (member, _) = await SignInWithTokenAsync("reader.jinji", Roles.Reader, "人事・労務");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var url = (await ReadJsonAsync(await UploadAsync(writer, token, TestPng.Create(seed: 13)))).GetProperty("url").GetString()!;
        var sha = url["/images/".Length..];
        Assert.Equal(HttpStatusCode.OK, (await outsider.Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode); // not used yet

        var payroll = await ManualIdAsync("給与計算の手順");
        Assert.Equal(ManualVisibility.Department, (await FindManualAsync(payroll)).Visibility);
        var saved = await writer.SubmitAsync($"/manuals/{payroll}/edit", "form.manual-form", new()
        {
            ["Body"] = (await FindManualAsync(payroll)).Body + $"\n\n![給与奉行の締め画面]({url})\n",
            ["ChangeNote"] = "締め画面のスクリーンショットを追加",
        }, "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{sha}\""));
        var outsiderGet = await outsider.Client.GetAsync(new Uri(url, UriKind.Relative));
        var outsiderRevalidate = await outsider.Client.SendAsync(revalidate);
        var memberGet = await member.Client.GetAsync(new Uri(url, UriKind.Relative));
        var adminGet = await admin.Client.GetAsync(new Uri(url, UriKind.Relative));
        var (page, document) = await member.GetAsync($"/manuals/{payroll}");

        Assert.Equal(HttpStatusCode.NotFound, outsiderGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsiderRevalidate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, memberGet.StatusCode);
        Assert.Equal(TestPng.Stripped(seed: 13), await memberGet.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, adminGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(document.QuerySelector($".markdown img[src='{url}']"));
    }

    [Fact]
    public async Task Show_ImageLaterRemovedFromRestrictedManual_StaysHiddenFromOutsidersAndVisibleInHistory()
    {
        var (writer, token) = await SignInWithTokenAsync("editor.remove", Roles.Editor, "人事・労務");
        var (outsider, _) = await SignInWithTokenAsync("reader.remove", Roles.Reader, "広報");
        var (member, _) = await SignInWithTokenAsync("reader.remove.jinji", Roles.Reader, "人事・労務");
        var url = (await ReadJsonAsync(await UploadAsync(writer, token, TestPng.Create(seed: 15)))).GetProperty("url").GetString()!;
        var payroll = await ManualIdAsync("給与計算の手順");
        var original = (await FindManualAsync(payroll)).Body;
        foreach (var body in new[] { original + $"\n\n![一時的な画面]({url})\n", original })
        {
            var saved = await writer.SubmitAsync($"/manuals/{payroll}/edit", "form.manual-form", new() { ["Body"] = body }, "intent", "save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var outsiderGet = await outsider.Client.GetAsync(new Uri(url, UriKind.Relative));
        var memberGet = await member.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.DoesNotContain(url, (await FindManualAsync(payroll)).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outsiderGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, memberGet.StatusCode);
    }

    [Fact]
    public async Task Show_ImageAlsoInCompanyWideManual_IsServedToOutsidersToo()
    {
        var (writer, token) = await SignInWithTokenAsync("editor.both", Roles.Editor, "人事・労務", "総務");
        var (outsider, _) = await SignInWithTokenAsync("reader.both", Roles.Reader, "広報");
        var url = (await ReadJsonAsync(await UploadAsync(writer, token, TestPng.Create(seed: 14)))).GetProperty("url").GetString()!;
        var restricted = await ManualIdAsync("給与計算の手順");
        var companyWide = (await factory.Services.GetRequiredService<IManualStore>().ListAsync(3, CancellationToken.None))
            .First(m => m.Visibility == ManualVisibility.Company && m.Status == ManualStatus.Published).Id;
        foreach (var id in new[] { restricted, companyWide })
        {
            var saved = await writer.SubmitAsync($"/manuals/{id}/edit", "form.manual-form",
                new() { ["Body"] = (await FindManualAsync(id)).Body + $"\n\n![画面]({url})\n" }, "intent", "save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var response = await outsider.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Show_WithAWidth_ServesTheSmallerPictureWithItsOwnEtag_AndAnyOtherWidthTheWholeOne()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.widths", Roles.Editor, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, Screenshot(1920, 1080)))).GetProperty("url").GetString()!;

        using var small = await editor.Client.GetAsync(new Uri(url + "?w=480", UriKind.Relative));
        using var medium = await editor.Client.GetAsync(new Uri(url + "?w=960", UriKind.Relative));
        using var odd = await editor.Client.GetAsync(new Uri(url + "?w=123", UriKind.Relative));
        using var whole = await editor.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(480, WidthOf(await small.Content.ReadAsByteArrayAsync()));
        Assert.Equal(960, WidthOf(await medium.Content.ReadAsByteArrayAsync()));
        Assert.Equal(1920, WidthOf(await odd.Content.ReadAsByteArrayAsync()));
        Assert.Equal(1920, WidthOf(await whole.Content.ReadAsByteArrayAsync()));
        Assert.NotEqual(whole.Headers.ETag, small.Headers.ETag);
        Assert.True(small.Headers.CacheControl is { NoStore: true }, small.Headers.CacheControl?.ToString());
        Assert.Equal("image/png", small.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Redact_WritersUnsavedScreenshot_StoresOnlyTheHiddenOneAndForgetsTheOriginal()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.redact", Roles.Editor, "総務");
        var original = (await ReadJsonAsync(await UploadAsync(editor, token, Screenshot(200, 100)))).GetProperty("url").GetString()!;

        using var response = await RedactAsync(editor, token, original, """{"style":"pixelate","areas":[{"x":20,"y":10,"width":120,"height":60}],"forget":true}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redacted = (await ReadJsonAsync(response)).GetProperty("url").GetString()!;
        Assert.NotEqual(original, redacted);
        Assert.Equal(0, await CountImagesAsync(original["/images/".Length..]));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync(new Uri(original, UriKind.Relative))).StatusCode);
        using var stored = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(
            await (await editor.Client.GetAsync(new Uri(redacted, UriKind.Relative))).Content.ReadAsByteArrayAsync());
        // The one-pixel stripes are gone inside the area (blocks of one colour) and still there outside it.
        Assert.Equal(stored[40, 30], stored[41, 30]);
        Assert.NotEqual(stored[180, 90], stored[181, 90]);
    }

    [Fact]
    public async Task Redact_PictureStillUsedElsewhereOnThePage_KeepsTheOriginal()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.redact.keep", Roles.Editor, "総務");
        var original = (await ReadJsonAsync(await UploadAsync(editor, token, Screenshot(120, 80)))).GetProperty("url").GetString()!;

        using var response = await RedactAsync(editor, token, original, """{"style":"fill","areas":[{"x":0,"y":0,"width":30,"height":30}],"forget":false}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountImagesAsync(original["/images/".Length..]));
    }

    [Theory]
    [InlineData("""{"style":"pixelate","areas":[]}""")]
    [InlineData("""{"style":"pixelate","areas":[{"x":5000,"y":5000,"width":10,"height":10}]}""")]
    [InlineData("""{"style":"crayon","areas":[{"x":0,"y":0,"width":10,"height":10}]}""")]
    [InlineData("""{"style":"blur","areas":[{"x":0,"y":0,"width":0,"height":10}]}""")]
    [InlineData("""{"style":"blur"}""")]
    [InlineData("not json")]
    public async Task Redact_BadRequest_Returns400JsonInJapaneseAndChangesNothing(string body)
    {
        var (editor, token) = await SignInWithTokenAsync("editor.redact.bad." + body.Length, Roles.Editor, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, Screenshot(50, 40)))).GetProperty("url").GetString()!;

        using var response = await RedactAsync(editor, token, url, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("隠す範囲", (await ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountImagesAsync(url["/images/".Length..]));
    }

    [Fact]
    public async Task Redact_BodyOverItsLimit_Returns400Json()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.redact.huge", Roles.Editor, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, Screenshot(50, 40)))).GetProperty("url").GetString()!;
        var body = "{\"style\":\"blur\",\"areas\":[" + string.Join(',', Enumerable.Repeat("""{"x":1,"y":1,"width":1,"height":1}""", 3000)) + "]}";

        using var response = await RedactAsync(editor, token, url, body);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.False(string.IsNullOrEmpty((await ReadJsonAsync(response)).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Redact_ReaderGets403_AndWithoutTokenNothingHappens()
    {
        var (editor, token) = await SignInWithTokenAsync("editor.redact.roles", Roles.Editor, "総務");
        var (reader, readerToken) = await SignInWithTokenAsync("reader.redact", Roles.Reader, "総務");
        var url = (await ReadJsonAsync(await UploadAsync(editor, token, Screenshot(50, 40)))).GetProperty("url").GetString()!;
        const string body = """{"style":"blur","areas":[{"x":0,"y":0,"width":10,"height":10}]}""";

        using var asReader = await RedactAsync(reader, readerToken, url, body);
        using var withoutToken = await RedactAsync(editor, null, url, body);

        Assert.Equal(HttpStatusCode.Forbidden, asReader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(1, await CountImagesAsync(url["/images/".Length..]));
    }

    private static byte[] Screenshot(int width, int height)
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = x % 2 == 0 ? new SixLabors.ImageSharp.PixelFormats.Rgba32(20, 40, 120) : new SixLabors.ImageSharp.PixelFormats.Rgba32(240, 240, 240);
            }
        }

        using var output = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, output);
        return output.ToArray();
    }

    private static int WidthOf(byte[] data) => SixLabors.ImageSharp.Image.Identify(data).Width;

    private static async Task<HttpResponseMessage> RedactAsync(WebSession session, string? token, string url, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url + "/redact", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        return await session.Client.SendAsync(request);
    }

    private async Task<(WebSession Session, string Token)> SignInWithTokenAsync(string userName, string role, params string[] departments)
    {
        await factory.CreateUserAsync(userName, role, departments);
        var session = await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);
        // Any page with a form carries the token; the editor's script reads it from the same hidden input.
        return (session, await session.TokenFromAsync("/account/password"));
    }

    private static MultipartFormDataContent Multipart(byte[] data, string fileName, string contentType)
    {
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<HttpResponseMessage> UploadAsync(
        WebSession session, string? token, byte[] data, string fileName = "image.png", string contentType = "image/png")
    {
        using var content = Multipart(data, fileName, contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/images", UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        return await session.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<int> CountImagesAsync(string sha)
    {
        var image = await factory.Services.GetRequiredService<IImageStore>().FindAsync(sha, CancellationToken.None);
        return image is null ? 0 : 1;
    }

    private async Task<long> ManualIdAsync(string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;

    private async Task<Manual> FindManualAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;

    /// <summary>A readable stream that does not tell its length, so the request is sent without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
