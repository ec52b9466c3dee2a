using System.Data.Common;
using Dapper;
using Manuals.Core.Images;

namespace Manuals.Data.Images;

/// <summary>
/// Records which stored images a manual uses (<c>manual_images</c>). The manual store calls <see cref="RecordAsync"/>
/// inside the transaction that saves each revision, so the record can never drift from the text.
/// </summary>
/// <remarks>
/// The record covers every revision, not only the current one: old revisions stay readable on the manual's history
/// pages, so an image removed from the current text must keep following the manual's access rules. Were its row
/// deleted, the image would count as used by no manual and be served to every signed-in user — for example to someone
/// who has since moved out of the department and still has the address in the browser history.
/// </remarks>
public static class ManualImageUsage
{
    /// <summary>
    /// Adds the images a newly saved revision refers to to the manual's rows in <c>manual_images</c>; rows from earlier
    /// revisions stay. Hashes that are not 64 lower-case hex digits, or that name no stored image (a URL typed by hand,
    /// an image of another installation), are ignored; hashes already recorded for the manual are left as they are.
    /// </summary>
    /// <param name="connection">The open connection of the manual save.</param>
    /// <param name="transaction">The manual save's transaction; the rows commit or roll back with the revision.</param>
    /// <param name="manualId">The manual just created or updated.</param>
    /// <param name="hashes">The image hashes its new text refers to: <see cref="ImageReferences.Extract"/> of the body.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task RecordAsync(
        DbConnection connection,
        DbTransaction transaction,
        long manualId,
        IReadOnlyCollection<string> hashes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(hashes);
        // Selecting from images skips unknown hashes, so the foreign key always holds. One statement per hash (Dapper runs
        // the command once per element) keeps the SQL the same on both engines; a revision holds a handful of images.
        const string insertSql = """
            INSERT INTO manual_images (manual_id, sha256)
            SELECT @manualId, i.sha256 FROM images i WHERE i.sha256 = @sha256
            ON CONFLICT (manual_id, sha256) DO NOTHING
            """;
        var rows = hashes.Where(ImageReferences.IsSha256).Distinct(StringComparer.Ordinal).Select(sha256 => new { manualId, sha256 }).ToList();
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(insertSql, rows, transaction, cancellationToken: cancellationToken));
        }
    }
}
