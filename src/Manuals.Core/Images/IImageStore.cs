namespace Manuals.Core.Images;

/// <summary>
/// Content-addressed storage of images in the database (so a database backup is a full backup), and the record of which
/// manuals use which image.
/// </summary>
/// <remarks>
/// Which manuals use an image is written by the manual store in the same transaction as each save, from
/// <see cref="ImageReferences.Extract"/> of the new text. It covers every saved revision, not only the current one:
/// old revisions stay readable on a manual's history pages, so an image removed from the text keeps following that
/// manual's access rules instead of becoming an image no manual uses (which every signed-in user may see).
/// </remarks>
public interface IImageStore
{
    /// <summary>
    /// Stores an image under its SHA-256, with its smaller widths. Storing the same hash again keeps the first upload's
    /// row and uploader, so the same picture is stored once however often it is uploaded; only its upload time moves to
    /// the latest (an unused picture's grace period starts again).
    /// </summary>
    /// <param name="image">The processed image (<see cref="ImageProcessor"/>).</param>
    /// <param name="createdBy">The uploading user, or <see langword="null"/>.</param>
    /// <param name="createdAt">When it was uploaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if a new row was written; <see langword="false"/> if the image was already stored.</returns>
    Task<bool> SaveAsync(ProcessedImage image, long? createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>
    /// The image at the smallest stored width of at least <paramref name="width"/>, or the image itself when no smaller
    /// width is stored that large; <see langword="null"/> when no image has that hash.
    /// </summary>
    /// <param name="sha256">64 lower-case hexadecimal digits.</param>
    /// <param name="width">The width the page asks for (one of <see cref="ImageLimits.VariantWidths"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<StoredImage?> FindAtWidthAsync(string sha256, int width, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes images no manual revision has ever used (<c>manual_images</c>) and no template text mentions, uploaded
    /// before <paramref name="uploadedBefore"/>, with their smaller widths.
    /// </summary>
    /// <param name="uploadedBefore">The end of the grace period: newer uploads may still be in a writer's unsaved draft.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of images deleted.</returns>
    Task<int> DeleteUnusedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// How many images <see cref="DeleteUnusedAsync"/> would delete for <paramref name="uploadedBefore"/>, and their bytes
    /// (with their smaller widths), without deleting anything: what the command line's <c>check</c> reports.
    /// </summary>
    /// <param name="uploadedBefore">The end of the grace period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<UnusedImages> CountUnusedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes one image at once when no manual revision has used it, no template mentions it and
    /// <paramref name="uploadedBy"/> uploaded it (a redacted picture's unredacted original, still only in the writer's
    /// editor). Anything else is left for <see cref="DeleteUnusedAsync"/>.
    /// </summary>
    /// <returns>Whether it was deleted.</returns>
    Task<bool> DeleteIfUnusedAsync(string sha256, long uploadedBy, CancellationToken cancellationToken);

    /// <summary>
    /// The size and stored smaller widths of each of <paramref name="sha256s"/> that is stored (hashes of no stored picture
    /// are left out), without loading any bytes: what a page needs to write its pictures' <c>img</c> tags.
    /// </summary>
    /// <param name="sha256s">Hashes, as <see cref="ImageReferences.Extract"/> finds them in a text.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyDictionary<string, PictureSize>> ListSizesAsync(IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken);

    /// <summary>Loads a stored image with its bytes, or <see langword="null"/> when no image has that hash.</summary>
    /// <param name="sha256">64 lower-case hexadecimal digits.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<StoredImage?> FindAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// The manuals with a revision that refers to the image, with their current department, visibility and owner, for
    /// the access decision, without loading the image's bytes.
    /// </summary>
    /// <param name="sha256">64 lower-case hexadecimal digits.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="null"/> when no image has that hash; an empty list for a stored image no manual uses yet (just
    /// uploaded, not yet saved in a manual); otherwise one entry per manual.
    /// </returns>
    Task<IReadOnlyList<ImageUsage>?> ListUsagesAsync(string sha256, CancellationToken cancellationToken);
}
