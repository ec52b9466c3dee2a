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
    public async Task<bool> SaveAsync(InspectedImage image, long? createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        // Content-addressed: a second upload of the same bytes (even a concurrent one) leaves the first row as it is.
        const string sql = """
            INSERT INTO images (sha256, content_type, width, height, byte_length, data, created_at, created_by)
            VALUES (@Sha256, @ContentType, @Width, @Height, @byteLength, @Data, @createdAt, @createdBy)
            ON CONFLICT (sha256) DO NOTHING
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { image.Sha256, image.ContentType, image.Width, image.Height, byteLength = image.Data.Length, image.Data, createdAt, createdBy },
            cancellationToken: cancellationToken));
        return inserted == 1;
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
