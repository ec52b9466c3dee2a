using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>
/// Answers the editor's <c>POST /images</c> and the preview's <c>GET /images/{sha}</c> inside the browser, following
/// the image server's contract (<c>{"url","width","height","contentType"}</c>, or 4xx <c>{"error"}</c>), and records
/// what the browser uploaded.
/// </summary>
/// <remarks>
/// Temporary: the editor was built on a branch without the image server. Only the browser's side is intercepted;
/// the server's side has its own tests. Once both are merged, drop this route so the tests use the real endpoint.
/// </remarks>
public sealed partial class ImageUploadRoute
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> _stored = new();

    /// <summary>Every upload the browser sent, in the order they arrived.</summary>
    public ConcurrentQueue<ImageUpload> Uploads { get; } = new();

    /// <summary>When set, uploads are refused with 400 and this message, as the server does for unusable files.</summary>
    public string? RefuseWith { get; set; }

    public static async Task<ImageUploadRoute> InstallAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var route = new ImageUploadRoute();
        await page.RouteAsync(ImagesUrl(), route.HandleAsync);
        return route;
    }

    private async Task HandleAsync(IRoute route)
    {
        var request = route.Request;
        if (request.Method == "GET")
        {
            var sha = new Uri(request.Url).AbsolutePath["/images/".Length..];
            if (_stored.TryGetValue(sha, out var image))
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = image.ContentType, BodyBytes = image.Bytes });
            }
            else
            {
                await route.FulfillAsync(new() { Status = 404 });
            }

            return;
        }

        var headers = await request.AllHeadersAsync();
        if (!headers.TryGetValue("requestverificationtoken", out var token) || token.Length < 20)
        {
            await route.FulfillAsync(new() { Status = 400 });
            return;
        }

        var file = await ReadFileAsync(headers["content-type"], request.PostDataBuffer ?? []);
        if (RefuseWith is not null || file is null)
        {
            await FulfillJsonAsync(route, 400, new { error = RefuseWith ?? "file がありません。" });
            return;
        }

        var (name, contentType, bytes) = file.Value;
        var (width, height) = ImageSize(bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _stored[hash] = (bytes, contentType);
        Uploads.Enqueue(new ImageUpload(name, contentType, bytes, width, height));
        await FulfillJsonAsync(route, 200, new { url = "/images/" + hash, width, height, contentType });
    }

    private static async Task<(string Name, string ContentType, byte[] Bytes)?> ReadFileAsync(string contentType, byte[] body)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            if (disposition.Name.Value == "file")
            {
                using var bytes = new MemoryStream();
                await section.Body.CopyToAsync(bytes);
                return (disposition.FileName.Value ?? "", section.ContentType ?? "", bytes.ToArray());
            }
        }

        return null;
    }

    /// <summary>Width and height from a PNG, GIF or JPEG header; (0, 0) for anything else.</summary>
    public static (int Width, int Height) ImageSize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > 24 && bytes[0] == 0x89 && bytes[1] == (byte)'P')
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }

        if (bytes.Length > 10 && bytes[0] == (byte)'G' && bytes[1] == (byte)'I')
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        }

        for (var offset = 2; bytes.Length > 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && offset + 9 < bytes.Length;)
        {
            var marker = bytes[offset + 1];
            if (marker is >= 0xC0 and <= 0xC3)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 5)));
            }

            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 2));
        }

        return (0, 0);
    }

    private static Task FulfillJsonAsync(IRoute route, int status, object body) =>
        route.FulfillAsync(new() { Status = status, ContentType = "application/json; charset=utf-8", Body = JsonSerializer.Serialize(body) });

    [GeneratedRegex(@"^https?://[^/]+/images(/[0-9a-f]{64})?$")]
    private static partial Regex ImagesUrl();
}

/// <summary>One file the editor uploaded: its name, type, bytes and pixel size.</summary>
public sealed record ImageUpload(string FileName, string ContentType, byte[] Bytes, int Width, int Height);
