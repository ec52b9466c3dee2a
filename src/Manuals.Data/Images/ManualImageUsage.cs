using System.Data.Common;
using Dapper;
using Manuals.Core.Images;

namespace Manuals.Data.Images;

/// <summary>
/// Records which stored images a manual's current text uses (<c>manual_images</c>). The manual store calls
/// <see cref="SyncAsync"/> inside the transaction that saves a manual, so the record can never drift from the text.
/// </summary>
public static class ManualImageUsage
{
    /// <summary>
    /// Replaces the manual's rows in <c>manual_images</c> with the given hashes. Hashes that are not 64 lower-case hex
    /// digits, or that name no stored image (a URL typed by hand, an image of another installation), are ignored.
    /// </summary>
    /// <param name="connection">The open connection of the manual save.</param>
    /// <param name="transaction">The manual save's transaction; the rows commit or roll back with the manual.</param>
    /// <param name="manualId">The manual just created or updated.</param>
    /// <param name="hashes">The image hashes its new text refers to, usually <see cref="ImageReferences.Extract"/> of the body.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task SyncAsync(
        DbConnection connection,
        DbTransaction transaction,
        long manualId,
        IReadOnlyCollection<string> hashes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(hashes);
        const string clearSql = "DELETE FROM manual_images WHERE manual_id = @manualId";
        // Selecting from images skips unknown hashes, so the foreign key always holds. One statement per hash (Dapper runs
        // the command once per element) keeps the SQL the same on both engines; a manual holds a handful of images.
        const string insertSql = """
            INSERT INTO manual_images (manual_id, sha256)
            SELECT @manualId, i.sha256 FROM images i WHERE i.sha256 = @sha256
            """;
        await connection.ExecuteAsync(new CommandDefinition(clearSql, new { manualId }, transaction, cancellationToken: cancellationToken));
        var rows = hashes.Where(ImageReferences.IsSha256).Distinct(StringComparer.Ordinal).Select(sha256 => new { manualId, sha256 }).ToList();
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(insertSql, rows, transaction, cancellationToken: cancellationToken));
        }
    }
}
