using System.Security.Cryptography;
using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Data.Accounts;
using Manuals.Data.Images;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Images;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ImageStoreTests
{
    private const long Accounting = 1;
    private const long HumanResources = 2;

    private static readonly DateTimeOffset Monday = new(2025, 3, 31, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Author Sato = new(null, "佐藤 一郎");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_NewImage_FindReturnsTypeSizeAndIdenticalBytes(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var uploader = await db.CreateUserAsync("hanako");
        var image = Image(seed: 1, ImageFormat.WebP, 1920, 1080);

        var created = await store.SaveAsync(image, uploader, Monday, db.CancellationToken);
        var found = await store.FindAsync(image.Sha256, db.CancellationToken);

        Assert.True(created);
        Assert.NotNull(found);
        Assert.Equal(image.Sha256, found.Sha256);
        Assert.Equal("image/webp", found.ContentType);
        Assert.Equal(1920, found.Width);
        Assert.Equal(1080, found.Height);
        Assert.Equal(image.Data, found.Data);
        Assert.Equal(image.Data.Length, found.ByteLength);
        var row = Assert.Single(await db.QueryAsync<(long ByteLength, long? CreatedBy)>(
            "SELECT byte_length, created_by FROM images WHERE sha256 = @sha", new { sha = image.Sha256 }));
        Assert.Equal(image.Data.Length, row.ByteLength);
        Assert.Equal(uploader, row.CreatedBy);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_SameHashAgain_KeepsOneRowAndTheFirstUploader(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var first = await db.CreateUserAsync("first");
        var second = await db.CreateUserAsync("second");
        var image = Image(seed: 2);

        var created = await store.SaveAsync(image, first, Monday, db.CancellationToken);
        var again = await store.SaveAsync(image, second, Monday.AddDays(1), db.CancellationToken);

        Assert.True(created);
        Assert.False(again);
        var rows = await db.QueryAsync<long?>("SELECT created_by FROM images");
        Assert.Equal([first], rows);
        // Uploaded again a day later: an unused picture's grace period counts from then.
        Assert.Equal(0, await store.DeleteUnusedAsync(Monday.AddHours(12), db.CancellationToken));
        Assert.NotNull(await store.FindAsync(image.Sha256, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveAsync_SameImageUploadedConcurrently_StoresItOnceWithoutErrors(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var image = Image(seed: 3);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(
            _ => Task.Run(() => store.SaveAsync(image, null, Monday, db.CancellationToken))));

        Assert.Single(results, created => created);
        Assert.Equal([1L], await db.QueryAsync<long>("SELECT COUNT(*) FROM images"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListSizesAsync_StoredPictures_GivesEachSizeAndStoredWidthsAndLeavesUnknownHashesOut(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var wide = Image(seed: 40, width: 1600, height: 900, variants: [new ImageVariant(960, 540, [4]), new ImageVariant(480, 270, [1])]);
        var small = Image(seed: 41, width: 400, height: 300);
        await store.SaveAsync(wide, null, Monday, db.CancellationToken);
        await store.SaveAsync(small, null, Monday, db.CancellationToken);
        var unknown = new string('f', 64);

        var sizes = await store.ListSizesAsync([wide.Sha256, small.Sha256, unknown], db.CancellationToken);

        Assert.Equal(2, sizes.Count);
        Assert.Equal((1600, 900, "480,960"), (sizes[wide.Sha256].Width, sizes[wide.Sha256].Height, string.Join(',', sizes[wide.Sha256].Widths)));
        Assert.Equal((400, 300, ""), (sizes[small.Sha256].Width, sizes[small.Sha256].Height, string.Join(',', sizes[small.Sha256].Widths)));
        Assert.Empty(await store.ListSizesAsync([], db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsyncAndListUsagesAsync_UnknownHash_ReturnNull(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var unknown = new string('0', 64);

        Assert.Null(await store.FindAsync(unknown, db.CancellationToken));
        Assert.Null(await store.ListUsagesAsync(unknown, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListUsagesAsync_ImageNoManualUses_ReturnsEmpty(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var image = Image(seed: 4);
        await store.SaveAsync(image, null, Monday, db.CancellationToken);

        var usages = await store.ListUsagesAsync(image.Sha256, db.CancellationToken);

        Assert.NotNull(usages);
        Assert.Empty(usages);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecordAsync_TwoManualsUseAnImage_ListUsagesReturnsTheirDepartmentVisibilityAndOwner(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var owner = await db.CreateUserAsync("owner");
        var image = Image(seed: 5);
        await store.SaveAsync(image, null, Monday, db.CancellationToken);
        var payroll = await CreateManualAsync(db, "給与計算", HumanResources, ManualVisibility.Department, owner);
        var closing = await CreateManualAsync(db, "月次決算", Accounting, ManualVisibility.Company, null);

        await RecordAsync(db, payroll, [image.Sha256]);
        await RecordAsync(db, closing, [image.Sha256]);
        var usages = await store.ListUsagesAsync(image.Sha256, db.CancellationToken);

        Assert.NotNull(usages);
        Assert.Equal(
            [new ImageUsage(payroll, HumanResources, ManualVisibility.Department, owner, ManualStatus.Published), new ImageUsage(closing, Accounting, ManualVisibility.Company, null, ManualStatus.Published)],
            usages.OrderBy(u => u.ManualId));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecordAsync_LaterRevisions_KeepEveryImageTheManualEverUsedOnceAndIgnoreUnknownAndMalformedHashes(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var (a, b, c) = (Image(seed: 6), Image(seed: 7), Image(seed: 8));
        foreach (var image in new[] { a, b, c })
        {
            await store.SaveAsync(image, null, Monday, db.CancellationToken);
        }

        var manual = await CreateManualAsync(db, "経費精算", Accounting, ManualVisibility.Company, null);
        var other = await CreateManualAsync(db, "請求書発行", Accounting, ManualVisibility.Company, null);
        await RecordAsync(db, manual, [a.Sha256, b.Sha256]);
        await RecordAsync(db, other, [a.Sha256]);

        await RecordAsync(db, manual, [b.Sha256, c.Sha256, c.Sha256, new string('f', 64), a.Sha256.ToUpperInvariant(), "../etc/passwd"]);
        await RecordAsync(db, manual, []);

        var rows = await db.QueryAsync<(long ManualId, string Sha256)>("SELECT manual_id, sha256 FROM manual_images");
        Assert.Equal(
            new[] { (manual, a.Sha256), (manual, b.Sha256), (manual, c.Sha256), (other, a.Sha256) }.Order(),
            rows.Order());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecordAsync_TransactionRolledBack_LeavesTheOldRows(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var (a, b) = (Image(seed: 10), Image(seed: 11));
        await store.SaveAsync(a, null, Monday, db.CancellationToken);
        await store.SaveAsync(b, null, Monday, db.CancellationToken);
        var manual = await CreateManualAsync(db, "経費精算", Accounting, ManualVisibility.Company, null);
        await RecordAsync(db, manual, [a.Sha256]);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            await ManualImageUsage.RecordAsync(connection, transaction, manual, [b.Sha256], db.CancellationToken);
            await transaction.RollbackAsync(db.CancellationToken);
        }

        Assert.Equal([a.Sha256], await db.QueryAsync<string>("SELECT sha256 FROM manual_images"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListUsagesAsync_ManualMadeCompanyWideLater_ReportsItsCurrentVisibility(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var image = Image(seed: 12);
        await store.SaveAsync(image, null, Monday, db.CancellationToken);
        var manual = await CreateManualAsync(db, "給与計算", HumanResources, ManualVisibility.Department, null);
        await RecordAsync(db, manual, [image.Sha256]);

        var saved = await manuals.TryUpdateAsync(
            manual, 1, Draft("給与計算", HumanResources, ManualVisibility.Company), Sato, Monday.AddDays(1), db.CancellationToken);

        Assert.True(saved);
        var usage = Assert.Single(await store.ListUsagesAsync(image.Sha256, db.CancellationToken) ?? []);
        Assert.Equal(ManualVisibility.Company, usage.Visibility);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingAManual_RemovesItsUsageRowsButKeepsTheImage(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var image = Image(seed: 13);
        await store.SaveAsync(image, null, Monday, db.CancellationToken);
        var manual = await CreateManualAsync(db, "経費精算", Accounting, ManualVisibility.Company, null);
        await RecordAsync(db, manual, [image.Sha256]);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM manuals WHERE id = @manual", new { manual }, cancellationToken: db.CancellationToken));
        }

        Assert.Empty(await store.ListUsagesAsync(image.Sha256, db.CancellationToken) ?? [new ImageUsage(0, 0, 0, null, ManualStatus.Published)]);
        Assert.NotNull(await store.FindAsync(image.Sha256, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAtWidthAsync_ServesTheSmallestStoredWidthAtLeastAsWide_OrThePictureItself(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var image = Image(seed: 20, width: 1920, height: 1080, variants: [new ImageVariant(480, 270, [1, 2, 3]), new ImageVariant(960, 540, [4, 5, 6])]);
        var narrow = Image(seed: 21, width: 300, height: 200);
        await store.SaveAsync(image, null, Monday, db.CancellationToken);
        await store.SaveAsync(narrow, null, Monday, db.CancellationToken);

        var at480 = await store.FindAtWidthAsync(image.Sha256, 480, db.CancellationToken);
        var at960 = await store.FindAtWidthAsync(image.Sha256, 960, db.CancellationToken);
        var narrowAt480 = await store.FindAtWidthAsync(narrow.Sha256, 480, db.CancellationToken);

        Assert.Equal((480, 270, "image/png"), (at480!.Width, at480.Height, at480.ContentType));
        Assert.Equal([1, 2, 3], at480.Data);
        Assert.Equal(960, at960!.Width);
        Assert.Equal([4, 5, 6], at960.Data);
        Assert.Equal(narrow.Data, narrowAt480!.Data);
        Assert.Null(await store.FindAtWidthAsync(new string('b', 64), 480, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeleteUnusedAsync_DeletesOnlyOldUploadsNoRevisionUsesAndNoTemplateMentions(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var oldUnused = Image(seed: 30, variants: [new ImageVariant(480, 270, [9])]);
        var oldInAManual = Image(seed: 31);
        var oldInAnOldRevisionOnly = Image(seed: 32);
        var oldInATemplate = Image(seed: 33);
        var recentUnused = Image(seed: 34);
        foreach (var image in new[] { oldUnused, oldInAManual, oldInAnOldRevisionOnly, oldInATemplate })
        {
            await store.SaveAsync(image, null, Monday.AddDays(-40), db.CancellationToken);
        }

        await store.SaveAsync(recentUnused, null, Monday.AddDays(-2), db.CancellationToken);
        var manual = await CreateManualAsync(db, "経費精算", Accounting, ManualVisibility.Company, null);
        await RecordAsync(db, manual, [oldInAManual.Sha256, oldInAnOldRevisionOnly.Sha256]);
        await RecordAsync(db, manual, [oldInAManual.Sha256]);
        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE step_templates SET body = body || @text WHERE id = (SELECT MIN(id) FROM step_templates)",
                new { text = $"\n![見本](/images/{oldInATemplate.Sha256})\n" },
                cancellationToken: db.CancellationToken));
        }

        var counted = await store.CountUnusedAsync(Monday.AddDays(-30), db.CancellationToken);
        var deleted = await store.DeleteUnusedAsync(Monday.AddDays(-30), db.CancellationToken);

        Assert.Equal(new UnusedImages(1, oldUnused.Data.Length + 1), counted);
        Assert.Equal(1, deleted);
        Assert.Null(await store.FindAsync(oldUnused.Sha256, db.CancellationToken));
        Assert.Null(await store.ListUsagesAsync(oldUnused.Sha256, db.CancellationToken));
        foreach (var kept in new[] { oldInAManual, oldInAnOldRevisionOnly, oldInATemplate, recentUnused })
        {
            Assert.NotNull(await store.FindAsync(kept.Sha256, db.CancellationToken));
        }

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM image_variants WHERE sha256 = @sha256", new { sha256 = oldUnused.Sha256 }, cancellationToken: db.CancellationToken)));
        }

        Assert.Equal(0, await store.DeleteUnusedAsync(Monday.AddDays(-30), db.CancellationToken));
        Assert.Equal(new UnusedImages(0, 0), await store.CountUnusedAsync(Monday.AddDays(-30), db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeleteIfUnusedAsync_DeletesOnlyTheUploadersOwnUnusedPicture(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IImageStore>();
        var writer = await db.CreateUserAsync("writer");
        var other = await db.CreateUserAsync("other");
        var own = Image(seed: 40);
        var othersUpload = Image(seed: 41);
        var ownButSaved = Image(seed: 42);
        await store.SaveAsync(own, writer, Monday, db.CancellationToken);
        await store.SaveAsync(othersUpload, other, Monday, db.CancellationToken);
        await store.SaveAsync(ownButSaved, writer, Monday, db.CancellationToken);
        await RecordAsync(db, await CreateManualAsync(db, "経費精算", Accounting, ManualVisibility.Company, null), [ownButSaved.Sha256]);

        Assert.True(await store.DeleteIfUnusedAsync(own.Sha256, writer, db.CancellationToken));
        Assert.False(await store.DeleteIfUnusedAsync(othersUpload.Sha256, writer, db.CancellationToken));
        Assert.False(await store.DeleteIfUnusedAsync(ownButSaved.Sha256, writer, db.CancellationToken));
        Assert.Null(await store.FindAsync(own.Sha256, db.CancellationToken));
        Assert.NotNull(await store.FindAsync(othersUpload.Sha256, db.CancellationToken));
        Assert.NotNull(await store.FindAsync(ownButSaved.Sha256, db.CancellationToken));
    }

    /// <summary>An image row: the store does not look at bytes, so any bytes with their real SHA-256 will do.</summary>
    private static ProcessedImage Image(
        int seed, ImageFormat format = ImageFormat.Png, int width = 3, int height = 2, IReadOnlyList<ImageVariant>? variants = null)
    {
        var data = new byte[64 + seed];
        new Random(seed).NextBytes(data);
        return new ProcessedImage(format, width, height, data, Convert.ToHexStringLower(SHA256.HashData(data)), variants ?? []);
    }

    private static async Task RecordAsync(TestDatabase db, long manualId, IReadOnlyCollection<string> hashes)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(db.CancellationToken);
        await ManualImageUsage.RecordAsync(connection, transaction, manualId, hashes, db.CancellationToken);
        await transaction.CommitAsync(db.CancellationToken);
    }

    private static ManualDraft Draft(string title, long department, ManualVisibility visibility) =>
        new(title, department, visibility, ManualStatus.Published, null, [], "## 手順\n1. 画面を開きます。", "テスト");

    private static async Task<long> CreateManualAsync(TestDatabase db, string title, long department, ManualVisibility visibility, long? owner) =>
        await db.Services.GetRequiredService<IManualStore>()
            .CreateAsync(Draft(title, department, visibility), Sato, owner, Monday, db.CancellationToken);

}
