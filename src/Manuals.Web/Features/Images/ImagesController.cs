using Manuals.Core.Images;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Manuals.Web.Features.Images;

/// <summary>
/// Screenshots in manuals: <c>POST /images</c> takes an upload from the editor's script and answers JSON;
/// <c>GET /images/{sha256}</c> serves a stored image to those who may read a manual that uses it.
/// </summary>
[Route("images")]
[ImageUploadErrorsAsJson]
public sealed class ImagesController(ImageService images, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>The largest request accepted: a 10 MB file plus room for the multipart boundary and part headers.</summary>
    public const long RequestLimit = ImageLimits.MaxBytes + (64 * 1024);

    /// <summary>
    /// Uploads one image (multipart/form-data, field <c>file</c>; antiforgery token in the <c>RequestVerificationToken</c>
    /// header). 200 <c>{"url","width","height","contentType"}</c>; 400 or 413 <c>{"error"}</c> with a message for the writer.
    /// </summary>
    [HttpPost("")]
    [Authorize(Policy = Policies.Writer)]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Upload(CancellationToken cancellationToken)
    {
        // The form is read here rather than bound, so that a body over the limit becomes a JSON answer, not a model error.
        if (Request.ContentLength > RequestLimit)
        {
            return ImageJson.Error(StatusCodes.Status413PayloadTooLarge, l["Images.Error.TooLarge"]);
        }

        if (!Request.HasFormContentType)
        {
            return ImageJson.Error(StatusCodes.Status400BadRequest, l["Images.Error.NoFile"]);
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ImageJson.Error(StatusCodes.Status413PayloadTooLarge, l["Images.Error.TooLarge"]);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // A malformed multipart body, a multipart section over the limit, or a client that went away.
            return ImageJson.Error(StatusCodes.Status400BadRequest, l["Images.Error.Unreadable"]);
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return ImageJson.Error(StatusCodes.Status400BadRequest, l["Images.Error.NoFile"]);
        }

        if (file.Length > ImageLimits.MaxBytes)
        {
            return ImageJson.Error(StatusCodes.Status413PayloadTooLarge, l["Images.Error.TooLarge"]);
        }

        var data = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(data, cancellationToken);
        }

        var result = await images.UploadAsync(currentUser.Viewer.UserId, data, cancellationToken);
        if (!result.IsAccepted)
        {
            return Refused(result.Refusal.Value);
        }

        var image = result.Image;
        return ImageJson.Uploaded(new ImageUploadResponse(ImageReferences.UrlFor(image.Sha256), image.Width, image.Height, image.ContentType));
    }

    /// <summary>
    /// Hides areas of a picture for good (モザイク or ぼかし), for the editor's 「隠す」: JSON
    /// <c>{"style":"pixelate"|"blur","areas":[{"x","y","width","height"}]}</c> in the picture's pixels, antiforgery token in
    /// the <c>RequestVerificationToken</c> header. Answers like an upload, with the redacted picture's new address; the
    /// unredacted one is deleted at once when only the writer's editor has it (see <see cref="ImageService.RedactAsync"/>).
    /// </summary>
    [HttpPost("{sha256:regex(^[[0-9a-f]]{{64}}$)}/redact")]
    [Authorize(Policy = Policies.Writer)]
    [RequestSizeLimit(64 * 1024)]
    public async Task<IActionResult> Redact(string sha256, CancellationToken cancellationToken)
    {
        // Read here rather than bound, so that any body that is not the expected JSON gets the same Japanese answer.
        RedactionRequest? request = null;
        if (Request.HasJsonContentType())
        {
            try
            {
                request = await Request.ReadFromJsonAsync<RedactionRequest>(cancellationToken);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or BadHttpRequestException or IOException)
            {
                // Not JSON, JSON of another shape, or a body over the limit.
                request = null;
            }
        }

        if (request?.Areas is not { Count: > 0 and <= Redaction.MaxAreas } areas
            || areas.Any(a => a is null || a.Width <= 0 || a.Height <= 0)
            || !Enum.TryParse<RedactionStyle>(request.Style, ignoreCase: true, out var style) || !Enum.IsDefined(style))
        {
            return ImageJson.Error(StatusCodes.Status400BadRequest, l["Images.Error.RedactionInvalid"]);
        }

        var result = await images.RedactAsync(
            currentUser.Viewer, sha256, areas.Select(a => new RedactionArea(a!.X, a.Y, a.Width, a.Height)).ToList(), style, request.Forget, cancellationToken);
        if (result is null)
        {
            return ImageJson.Error(StatusCodes.Status404NotFound, l["Images.Error.NotFound"]);
        }

        if (!result.IsAccepted)
        {
            return Refused(result.Refusal.Value);
        }

        var image = result.Image;
        return ImageJson.Uploaded(new ImageUploadResponse(ImageReferences.UrlFor(image.Sha256), image.Width, image.Height, image.ContentType));
    }

    /// <summary>
    /// Serves a stored image: to anyone signed in while no manual uses it yet, afterwards to those who may read at least
    /// one manual using it. Anything else is 404, exactly like an unknown hash, so restricted images are not revealed.
    /// <c>?w=480</c> or <c>?w=960</c> (for <c>srcset</c>) serves the smallest stored width at least that wide, or the
    /// picture itself when it is not wider; any other width is the picture itself.
    /// </summary>
    [HttpGet("{sha256:regex(^[[0-9a-f]]{{64}}$)}")]
    public async Task<IActionResult> Show(string sha256, [FromQuery(Name = "w")] string? width, CancellationToken cancellationToken)
    {
        var wanted = int.TryParse(width, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w)
            && ImageLimits.VariantWidths.Contains(w) ? w : (int?)null;
        var entityTag = new EntityTagHeaderValue(wanted is null ? $"\"{sha256}\"" : $"\"{sha256}-{wanted}\"");
        if (Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(entityTag, useStrongComparison: false)))
        {
            // The browser has these bytes (they never change for a hash); still only confirm it to those who may see them.
            var access = await images.AccessAsync(currentUser.Viewer, sha256, cancellationToken);
            if (access == ImageAccess.Hidden)
            {
                return NotFound();
            }

            SetImageHeaders(entityTag, access);
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var viewable = await images.FindViewableAsync(currentUser.Viewer, sha256, wanted, cancellationToken);
        if (viewable is not { Image: var image })
        {
            return NotFound();
        }

        SetImageHeaders(entityTag, viewable.Access);
        Response.Headers.ContentDisposition = "inline";
        return File(image.Data, image.ContentType);
    }

    private void SetImageHeaders(EntityTagHeaderValue entityTag, ImageAccess access)
    {
        var headers = Response.Headers;
        headers.ETag = entityTag.ToString();
        // Content-addressed bytes never change; private because access depends on the signed-in user. An upload no
        // revision uses yet may still be hidden (隠す) and replaced: the browser does not keep it.
        headers.CacheControl = access == ImageAccess.Used ? "private, max-age=31536000, immutable" : "no-store";
        headers.XContentTypeOptions = "nosniff";
        // Should the bytes ever be opened as a document, nothing in them may run or load.
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
    }

    private JsonResult Refused(ImageRefusal refusal)
    {
        var (status, message) = refusal switch
        {
            ImageRefusal.Empty => (StatusCodes.Status400BadRequest, l["Images.Error.Empty"]),
            ImageRefusal.TooLarge => (StatusCodes.Status413PayloadTooLarge, l["Images.Error.TooLarge"]),
            ImageRefusal.Corrupt => (StatusCodes.Status400BadRequest, l["Images.Error.Corrupt"]),
            ImageRefusal.Truncated => (StatusCodes.Status400BadRequest, l["Images.Error.Truncated"]),
            ImageRefusal.TooSlow => (StatusCodes.Status400BadRequest, l["Images.Error.TooSlow"]),
            ImageRefusal.AnimatedWebP => (StatusCodes.Status400BadRequest, l["Images.Error.AnimatedWebP"]),
            ImageRefusal.NothingToRedact => (StatusCodes.Status400BadRequest, l["Images.Error.RedactionInvalid"]),
            ImageRefusal.InvalidDimensions => (StatusCodes.Status400BadRequest, l["Images.Error.InvalidDimensions"]),
            ImageRefusal.TooManyPixels => (StatusCodes.Status400BadRequest, l["Images.Error.TooManyPixels"]),
            _ => (StatusCodes.Status400BadRequest, l["Images.Error.UnsupportedFormat"]),
        };
        return ImageJson.Error(status, message);
    }
}
