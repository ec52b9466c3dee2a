using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Images;

/// <summary>Uploading images, hiding parts of them, serving them to those who may see them, and removing unused ones.</summary>
public sealed class ImageService(IImageStore images, ImageProcessor processor, TimeProvider clock)
{
    /// <summary>How long an uploaded image no manual uses is kept: it may be in a writer's unsaved draft meanwhile.</summary>
    public static readonly TimeSpan UnusedGracePeriod = TimeSpan.FromDays(30);

    /// <summary>
    /// Processes an uploaded file (<see cref="ImageProcessor.ProcessAsync"/>) and, if it is accepted, stores the result.
    /// Uploading a picture that is already stored succeeds and returns the same hash.
    /// </summary>
    /// <param name="uploaderId">The uploading user, recorded with a newly stored image.</param>
    /// <param name="data">The whole uploaded file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ImageProcessingResult> UploadAsync(long? uploaderId, byte[] data, CancellationToken cancellationToken)
    {
        var result = await processor.ProcessAsync(data, cancellationToken);
        if (result.IsAccepted)
        {
            await images.SaveAsync(result.Image, uploaderId, clock.GetUtcNow(), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Hides areas of a picture the writer may see (<see cref="ImageProcessor.RedactAsync"/>) and stores only the
    /// result. With <paramref name="forgetOriginal"/> (the editor has no other use of it) the unredacted picture is
    /// deleted at once when it is the writer's own upload and no manual revision or template uses it; otherwise (it is
    /// already in a saved revision, or elsewhere on the page) it stays, and unused it goes with the 30-day cleanup.
    /// </summary>
    /// <returns>The redacted image; <see langword="null"/> when the viewer may not see the picture or it does not exist.</returns>
    public async Task<ImageProcessingResult?> RedactAsync(
        Viewer viewer, string sha256, IReadOnlyList<RedactionArea> areas, RedactionStyle style, bool forgetOriginal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var original = await FindViewableAsync(viewer, sha256, cancellationToken);
        if (original is null)
        {
            return null;
        }

        var result = await processor.RedactAsync(original, areas, style, cancellationToken);
        if (result.IsAccepted)
        {
            await images.SaveAsync(result.Image, viewer.UserId, clock.GetUtcNow(), cancellationToken);
            if (forgetOriginal && result.Image.Sha256 != sha256)
            {
                await images.DeleteIfUnusedAsync(sha256, viewer.UserId, cancellationToken);
            }
        }

        return result;
    }

    /// <summary>
    /// Deletes images uploaded more than <see cref="UnusedGracePeriod"/> ago that no manual revision ever used and no
    /// template mentions. Images any revision refers to are never deleted.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public Task<int> DeleteUnusedAsync(CancellationToken cancellationToken) =>
        images.DeleteUnusedAsync(clock.GetUtcNow() - UnusedGracePeriod, cancellationToken);

    /// <summary>
    /// Loads an image the viewer may see at a width for <c>srcset</c> (<see cref="IImageStore.FindAtWidthAsync"/>);
    /// <see langword="null"/> when it does not exist or the viewer may not see it.
    /// </summary>
    public async Task<StoredImage?> FindViewableAtWidthAsync(Viewer viewer, string sha256, int width, CancellationToken cancellationToken) =>
        await CanViewAsync(viewer, sha256, cancellationToken)
            ? await images.FindAtWidthAsync(sha256, width, cancellationToken)
            : null;

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
