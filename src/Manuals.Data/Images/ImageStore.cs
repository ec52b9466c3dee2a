using Dapper;
using Manuals.Core.Images;
using Manuals.Core.Manuals;

namespace Manuals.Data.Images;

/// <summary>
/// Images in the <c>images</c> table, keyed by SHA-256, and the manuals that use them (<c>manual_images</c>, written by
/// <see cref="ManualImageUsage.RecordAsync"/> in each manual save's transaction).
/// </summary>
public sealed class ImageStore(IDbConnectionFactory connections) : IImageStore
{
    // An image is unused when no revision of any manual refers to it and no template's text mentions it.
    private const string Unused = """
        NOT EXISTS (SELECT 1 FROM manual_images mi WHERE mi.sha256 = images.sha256)
        AND NOT EXISTS (SELECT 1 FROM step_templates t WHERE t.body LIKE '%' || images.sha256 || '%')
        """;

    public async Task<bool> SaveAsync(ProcessedImage image, long? createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        // Content-addressed: a second upload of the same bytes (even a concurrent one) leaves the first rows as they are.
        const string imageSql = """
            INSERT INTO images (sha256, content_type, width, height, byte_length, data, created_at, created_by)
            VALUES (@Sha256, @ContentType, @Width, @Height, @byteLength, @Data, @createdAt, @createdBy)
            ON CONFLICT (sha256) DO NOTHING
            """;
        const string variantSql = """
            INSERT INTO image_variants (sha256, width, height, data) VALUES (@sha256, @Width, @Height, @Data)
            ON CONFLICT (sha256, width) DO NOTHING
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            imageSql,
            new { image.Sha256, image.ContentType, image.Width, image.Height, byteLength = image.Data.Length, image.Data, createdAt, createdBy },
            transaction,
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            // Uploaded again (perhaps into a new draft): the cleanup's grace period starts again from now.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE images SET created_at = @createdAt WHERE sha256 = @Sha256 AND created_at < @createdAt",
                new { image.Sha256, createdAt },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var variant in image.Variants)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                variantSql, new { sha256 = image.Sha256, variant.Width, variant.Height, variant.Data }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<StoredImage?> FindAtWidthAsync(string sha256, int width, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT v.sha256, i.content_type, v.width, v.height, v.data
            FROM image_variants v
            JOIN images i ON i.sha256 = v.sha256
            WHERE v.sha256 = @sha256 AND v.width >= @width
            ORDER BY v.width
            LIMIT 1
            """;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            var row = await connection.QuerySingleOrDefaultAsync<ImageRow>(
                new CommandDefinition(sql, new { sha256, width }, cancellationToken: cancellationToken));
            if (row is not null)
            {
                return new StoredImage(row.Sha256, row.ContentType, row.Width, row.Height, row.Data);
            }
        }

        return await FindAsync(sha256, cancellationToken);
    }

    public Task<int> DeleteUnusedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken) =>
        DeleteAsync($"created_at < @uploadedBefore AND {Unused}", new { uploadedBefore }, cancellationToken);

    public async Task<UnusedImages> CountUnusedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT COUNT(*) AS Count,
                   COALESCE(SUM(byte_length + (SELECT COALESCE(SUM(LENGTH(v.data)), 0) FROM image_variants v WHERE v.sha256 = images.sha256)), 0) AS Bytes
            FROM images
            WHERE created_at < @uploadedBefore AND {Unused}
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Count, long Bytes)>(
            new CommandDefinition(sql, new { uploadedBefore }, cancellationToken: cancellationToken));
        return new UnusedImages((int)row.Count, row.Bytes);
    }

    public async Task<bool> DeleteIfUnusedAsync(string sha256, long uploadedBy, CancellationToken cancellationToken) =>
        await DeleteAsync($"sha256 = @sha256 AND created_by = @uploadedBy AND {Unused}", new { sha256, uploadedBy }, cancellationToken) > 0;

    /// <summary>Deletes the images <paramref name="where"/> selects, with their smaller widths; returns how many images.</summary>
    private async Task<int> DeleteAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM image_variants WHERE sha256 IN (SELECT sha256 FROM images WHERE {where})", parameters, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM images WHERE {where}", parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<IReadOnlyDictionary<string, PictureSize>> ListSizesAsync(IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256s);
        if (sha256s.Count == 0)
        {
            return new Dictionary<string, PictureSize>();
        }

        // One row per stored width (or one with no width for a picture that has none). Dapper expands the list for SQLite;
        // PostgreSQL takes it as an array.
        var sql = $"""
            SELECT i.sha256, i.width, i.height, v.width AS variant_width
            FROM images i
            LEFT JOIN image_variants v ON v.sha256 = i.sha256
            WHERE {(connections.Engine == SqlEngine.Postgres ? "i.sha256 = ANY(@sha256s)" : "i.sha256 IN @sha256s")}
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SizeRow>(
            new CommandDefinition(sql, new { sha256s = sha256s.ToArray() }, cancellationToken: cancellationToken));
        return rows
            .GroupBy(r => r.Sha256, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new PictureSize(
                    g.First().Width, g.First().Height, g.Where(r => r.VariantWidth is not null).Select(r => r.VariantWidth!.Value).Order().ToList()),
                StringComparer.Ordinal);
    }

    public async Task<StoredImage?> FindAsync(string sha256, CancellationToken cancellationToken)
    {
        const string sql = "SELECT sha256, content_type, width, height, data FROM images WHERE sha256 = @sha256";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImageRow>(
            new CommandDefinition(sql, new { sha256 }, cancellationToken: cancellationToken));
        return row is null ? null : new StoredImage(row.Sha256, row.ContentType, row.Width, row.Height, row.Data);
    }

    public async Task<IReadOnlyList<ImageUsage>?> ListUsagesAsync(string sha256, CancellationToken cancellationToken)
    {
        // One row per using manual, or one row of NULLs for an image no manual uses; no row when there is no such image.
        const string sql = """
            SELECT m.id AS manual_id, m.department_id, m.visibility, m.owner_id, m.status
            FROM images i
            LEFT JOIN manual_images mi ON mi.sha256 = i.sha256
            LEFT JOIN manuals m ON m.id = mi.manual_id
            WHERE i.sha256 = @sha256
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<UsageRow>(
            new CommandDefinition(sql, new { sha256 }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        return rows
            .Where(r => r.ManualId is not null)
            .Select(r => new ImageUsage(r.ManualId!.Value, r.DepartmentId!.Value, r.Visibility!.Value, r.OwnerId, r.Status!.Value))
            .ToList();
    }

    private sealed class SizeRow
    {
        public string Sha256 { get; set; } = "";
        public int Width { get; set; }
        public int Height { get; set; }
        public int? VariantWidth { get; set; }
    }

    private sealed class ImageRow
    {
        public string Sha256 { get; set; } = "";
        public string ContentType { get; set; } = "";
        public int Width { get; set; }
        public int Height { get; set; }
        public byte[] Data { get; set; } = [];
    }

    private sealed class UsageRow
    {
        public long? ManualId { get; set; }
        public long? DepartmentId { get; set; }
        public ManualVisibility? Visibility { get; set; }
        public long? OwnerId { get; set; }
        public ManualStatus? Status { get; set; }
    }
}
