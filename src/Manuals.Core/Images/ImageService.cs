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
        var original = await FindViewableAsync(viewer, sha256, null, cancellationToken);
        if (original is null)
        {
            return null;
        }

        var result = await processor.RedactAsync(original.Image, areas, style, cancellationToken);
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
    /// Loads an image the viewer may see (see <see cref="AccessAsync"/>), whole or at a width for <c>srcset</c>
    /// (<see cref="IImageStore.FindAtWidthAsync"/>); <see langword="null"/> when it does not exist or the viewer may not see it.
    /// </summary>
    /// <param name="viewer">The signed-in user.</param>
    /// <param name="sha256">The image's hash.</param>
    /// <param name="width">A width of <see cref="ImageLimits.VariantWidths"/>, or <see langword="null"/> for the picture itself.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ViewableImage?> FindViewableAsync(Viewer viewer, string sha256, int? width, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(viewer, sha256, cancellationToken);
        if (access == ImageAccess.Hidden)
        {
            return null;
        }

        var image = width is { } atWidth
            ? await images.FindAtWidthAsync(sha256, atWidth, cancellationToken)
            : await images.FindAsync(sha256, cancellationToken);
        return image is null ? null : new ViewableImage(image, access);
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
    public async Task<bool> CanViewAsync(Viewer viewer, string sha256, CancellationToken cancellationToken) =>
        await AccessAsync(viewer, sha256, cancellationToken) != ImageAccess.Hidden;

    /// <summary>
    /// Whether the viewer may see an image (as <see cref="CanViewAsync"/>) and whether a manual uses it yet, for caching:
    /// an unused upload may still be hidden (<see cref="RedactAsync"/>) and is not kept by browsers.
    /// </summary>
    /// <param name="viewer">The signed-in user.</param>
    /// <param name="sha256">The image's hash.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ImageAccess> AccessAsync(Viewer viewer, string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!ImageReferences.IsSha256(sha256))
        {
            return ImageAccess.Hidden;
        }

        var usages = await images.ListUsagesAsync(sha256, cancellationToken);
        if (usages is null)
        {
            return ImageAccess.Hidden;
        }

        if (usages.Count == 0)
        {
            return ImageAccess.Unused;
        }

        return usages.Any(u => ManualAccessPolicy.CanRead(viewer, u.DepartmentId, u.Visibility, u.OwnerId, u.Status))
            ? ImageAccess.Used
            : ImageAccess.Hidden;
    }
}
