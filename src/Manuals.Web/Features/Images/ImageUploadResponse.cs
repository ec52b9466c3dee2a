namespace Manuals.Web.Features.Images;

/// <summary>The JSON answer to a successful upload: <c>{"url":"/images/…","width":…,"height":…,"contentType":"image/png"}</c>.</summary>
/// <param name="Url">Where the stored image is served; the editor puts it into the Markdown as <c>![…](url)</c>.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="ContentType">The media type recognised from the file's bytes.</param>
public sealed record ImageUploadResponse(string Url, int Width, int Height, string ContentType);
