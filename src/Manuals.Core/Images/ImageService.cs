using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Images;

/// <summary>Uploading images and deciding who may see them.</summary>
public sealed class ImageService(IImageStore images, TimeProvider clock)
{
    /// <summary>
    /// Inspects an uploaded file (<see cref="ImageInspector.Inspect"/>) and, if it is accepted, stores its stripped bytes.
    /// Uploading a picture that is already stored succeeds and returns the same hash.
    /// </summary>
    /// <param name="uploaderId">The uploading user, recorded with a newly stored image.</param>
    /// <param name="data">The whole uploaded file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ImageInspectionResult> UploadAsync(long? uploaderId, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var result = ImageInspector.Inspect(data.Span);
        if (result.IsAccepted)
        {
            await images.SaveAsync(result.Image, uploaderId, clock.GetUtcNow(), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Whether the viewer may see an image. An image used by some manual (in any revision, see <see cref="IImageStore"/>)
    /// may be seen by whoever may read at least one of those manuals
    /// (<see cref="ManualAccessPolicy.CanRead(Viewer, long, ManualVisibility, long?, ManualStatus)"/>). An image no manual has used
    /// yet — uploaded, but the manual not saved — may be seen by every signed-in user: its address is a SHA-256, which
    /// cannot be guessed, and the writer needs it for the preview.
    /// </summary>
    /// <param name="viewer">The signed-in user.</param>
    /// <param name="sha256">The image's hash; anything but 64 lower-case hexadecimal digits is never visible.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="false"/> both when the image does not exist and when the viewer may not see it, so callers answer
    /// the same 404 and reveal nothing about restricted images.
    /// </returns>
    public async Task<bool> CanViewAsync(Viewer viewer, string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!ImageReferences.IsSha256(sha256))
        {
            return false;
        }

        var usages = await images.ListUsagesAsync(sha256, cancellationToken);
        return usages is not null
            && (usages.Count == 0 || usages.Any(u => ManualAccessPolicy.CanRead(viewer, u.DepartmentId, u.Visibility, u.OwnerId, u.Status)));
    }

    /// <summary>Loads an image the viewer may see (see <see cref="CanViewAsync"/>); <see langword="null"/> otherwise.</summary>
    /// <param name="viewer">The signed-in user.</param>
    /// <param name="sha256">The image's hash.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<StoredImage?> FindViewableAsync(Viewer viewer, string sha256, CancellationToken cancellationToken) =>
        await CanViewAsync(viewer, sha256, cancellationToken)
            ? await images.FindAsync(sha256, cancellationToken)
            : null;
}
