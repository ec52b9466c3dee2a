using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Images;

/// <summary>The JSON bodies of the upload endpoint: the result, or <c>{"error":"message"}</c>.</summary>
internal static class ImageJson
{
    // camelCase names, and Japanese written as it is rather than as \u escapes (HTML-sensitive characters stay escaped).
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static JsonResult Error(int status, string message) =>
        new(new { error = message }, Options) { StatusCode = status };

    public static JsonResult Uploaded(ImageUploadResponse response) =>
        new(response, Options) { StatusCode = StatusCodes.Status200OK };
}
