using Manuals.Core.Accounts;
using Manuals.Core.Images;
using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Images;

public sealed class ImageServiceTests
{
    private const long Keiri = 1;
    private const long Jinji = 2;
    private const long ViewerId = 42;
    private static readonly DateTimeOffset Now = new(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private readonly FakeImageStore _store = new();

    [Fact]
    public async Task UploadAsync_ValidImage_StoresStrippedBytesWithUploaderAndTime()
    {
        var service = Service();

        var result = await service.UploadAsync(ViewerId, Pictures.FileWithMetadata("png"), CancellationToken.None);

        Assert.True(result.IsAccepted);
        var (image, uploader, time) = Assert.Single(_store.Saved);
        Assert.Same(result.Image, image);
        Assert.Equal(ViewerId, uploader);
        Assert.Equal(Now, time);
        Assert.False(TestImages.Contains(image.Data, TestImages.Utf8(Pictures.SecretComment)));
    }

    [Fact]
    public async Task RedactAsync_WritersOwnUnsavedPicture_StoresTheRedactedOneAndDeletesTheOriginal()
    {
        var uploaded = (await Service().UploadAsync(ViewerId, Pictures.File("png", 200, 100), CancellationToken.None)).Image!;
        _store.Images[uploaded.Sha256] = new StoredImage(uploaded.Sha256, uploaded.ContentType, uploaded.Width, uploaded.Height, uploaded.Data);
        _store.Usages[uploaded.Sha256] = [];

        var result = await Service().RedactAsync(
            Viewer(Roles.Editor, Keiri), uploaded.Sha256, [new RedactionArea(10, 10, 50, 50)], RedactionStyle.Pixelate, forgetOriginal: true, CancellationToken.None);

        Assert.True(result!.IsAccepted);
        Assert.Equal(result.Image.Sha256, _store.Saved[^1].Image.Sha256);
        Assert.Equal([(uploaded.Sha256, ViewerId)], _store.DeleteRequests);
    }

    [Fact]
    public async Task RedactAsync_PictureTheEditorStillUsesElsewhere_KeepsTheOriginal()
    {
        var uploaded = (await Service().UploadAsync(ViewerId, Pictures.File("png", 200, 100), CancellationToken.None)).Image!;
        _store.Images[uploaded.Sha256] = new StoredImage(uploaded.Sha256, uploaded.ContentType, uploaded.Width, uploaded.Height, uploaded.Data);
        _store.Usages[uploaded.Sha256] = [];

        var result = await Service().RedactAsync(
            Viewer(Roles.Editor, Keiri), uploaded.Sha256, [new RedactionArea(10, 10, 50, 50)], RedactionStyle.Fill, forgetOriginal: false, CancellationToken.None);

        Assert.True(result!.IsAccepted);
        Assert.Empty(_store.DeleteRequests);
    }

    [Fact]
    public async Task RedactAsync_PictureTheViewerMayNotSee_IsNullAndChangesNothing()
    {
        _store.Usages[Sha] = [new ImageUsage(7, Jinji, ManualVisibility.Department, null, ManualStatus.Published)];
        _store.Images[Sha] = new StoredImage(Sha, "image/png", 3, 2, Pictures.File("png"));

        var result = await Service().RedactAsync(
            Viewer(Roles.Editor, Keiri), Sha, [new RedactionArea(0, 0, 2, 2)], RedactionStyle.Blur, forgetOriginal: true, CancellationToken.None);

        Assert.Null(result);
        Assert.Empty(_store.Saved);
        Assert.Empty(_store.DeleteRequests);
    }

    [Fact]
    public async Task DeleteUnusedAsync_AsksForUploadsOlderThanTheGracePeriod()
    {
        await Service().DeleteUnusedAsync(CancellationToken.None);

        Assert.Equal(Now - ImageService.UnusedGracePeriod, _store.DeletedBefore);
    }

    [Fact]
    public async Task UploadAsync_RefusedFile_StoresNothing()
    {
        var result = await Service().UploadAsync(ViewerId, TestImages.Utf8("<svg onload=alert(1)>"), CancellationToken.None);

        Assert.Equal(ImageRefusal.UnsupportedFormat, result.Refusal);
        Assert.Empty(_store.Saved);
    }

    [Fact]
    public async Task CanViewAsync_UnknownImage_IsFalse() =>
        Assert.False(await Service().CanViewAsync(Viewer(Roles.Admin), Sha, CancellationToken.None));

    [Fact]
    public async Task CanViewAsync_ImageNoManualUsesYet_IsTrueForAnySignedInUser_AsAnUnusedUpload()
    {
        _store.Usages[Sha] = [];

        Assert.True(await Service().CanViewAsync(Viewer(Roles.Reader, Keiri), Sha, CancellationToken.None));
        Assert.Equal(ImageAccess.Unused, await Service().AccessAsync(Viewer(Roles.Reader, Keiri), Sha, CancellationToken.None));
    }

    [Theory]
    [InlineData(Roles.Reader, Keiri, false)]
    [InlineData(Roles.Editor, Keiri, false)]
    [InlineData(Roles.Reader, Jinji, true)]
    [InlineData(Roles.Admin, Keiri, true)]
    public async Task CanViewAsync_ImageOnlyInRestrictedManual_FollowsTheManualsAccess(string role, long department, bool expected)
    {
        _store.Usages[Sha] = [new ImageUsage(7, Jinji, ManualVisibility.Department, null, ManualStatus.Published)];

        Assert.Equal(expected, await Service().CanViewAsync(Viewer(role, department), Sha, CancellationToken.None));
    }

    [Fact]
    public async Task CanViewAsync_RestrictedManualOwnedByViewer_IsTrue()
    {
        _store.Usages[Sha] = [new ImageUsage(7, Jinji, ManualVisibility.Department, ViewerId, ManualStatus.Published)];

        Assert.True(await Service().CanViewAsync(Viewer(Roles.Reader, Keiri), Sha, CancellationToken.None));
    }

    [Fact]
    public async Task CanViewAsync_AlsoInACompanyWideManual_IsTrueForEveryone()
    {
        _store.Usages[Sha] =
        [
            new ImageUsage(7, Jinji, ManualVisibility.Department, null, ManualStatus.Published),
            new ImageUsage(8, Keiri, ManualVisibility.Company, null, ManualStatus.Published),
        ];

        Assert.True(await Service().CanViewAsync(Viewer(Roles.Reader, 5), Sha, CancellationToken.None));
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("../images")]
    [InlineData("")]
    public async Task CanViewAsync_NotALowerCaseHash_IsFalseWithoutAskingTheStore(string sha)
    {
        _store.Usages[sha] = [];

        Assert.False(await Service().CanViewAsync(Viewer(Roles.Admin), sha, CancellationToken.None));
        Assert.Equal(0, _store.UsageQueries);
    }

    [Fact]
    public async Task FindViewableAsync_Allowed_ReturnsImage_Forbidden_ReturnsNull()
    {
        _store.Usages[Sha] = [new ImageUsage(7, Jinji, ManualVisibility.Department, null, ManualStatus.Published)];
        _store.Images[Sha] = new StoredImage(Sha, "image/png", 3, 2, Pictures.File("png"));
        var service = Service();

        Assert.Equal(ImageAccess.Used, (await service.FindViewableAsync(Viewer(Roles.Reader, Jinji), Sha, null, CancellationToken.None))?.Access);
        Assert.Null(await service.FindViewableAsync(Viewer(Roles.Reader, Keiri), Sha, null, CancellationToken.None));
    }

    private static string Sha => new('a', 64);

    private static Viewer Viewer(string role, params long[] departments) =>
        new(ViewerId, new HashSet<string> { role }, departments.ToHashSet());

    private ImageService Service() => new(_store, new ImageProcessor(), new FixedClock(Now));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    private sealed class FakeImageStore : IImageStore
    {
        public List<(ProcessedImage Image, long? CreatedBy, DateTimeOffset CreatedAt)> Saved { get; } = [];

        public List<(string Sha256, long UploadedBy)> DeleteRequests { get; } = [];

        public DateTimeOffset? DeletedBefore { get; private set; }

        public Dictionary<string, IReadOnlyList<ImageUsage>> Usages { get; } = [];

        public Dictionary<string, StoredImage> Images { get; } = [];

        public int UsageQueries { get; private set; }

        public Task<bool> SaveAsync(ProcessedImage image, long? createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken)
        {
            Saved.Add((image, createdBy, createdAt));
            return Task.FromResult(true);
        }

        public Task<StoredImage?> FindAtWidthAsync(string sha256, int width, CancellationToken cancellationToken) =>
            FindAsync(sha256, cancellationToken);

        public Task<IReadOnlyDictionary<string, PictureSize>> ListSizesAsync(IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, PictureSize>>(Images.Values
                .Where(i => sha256s.Contains(i.Sha256))
                .ToDictionary(i => i.Sha256, i => new PictureSize(i.Width, i.Height, [])));

        public Task<UnusedImages> CountUnusedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken) =>
            Task.FromResult(new UnusedImages(0, 0));

        public Task<int> DeleteUnusedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken)
        {
            DeletedBefore = uploadedBefore;
            return Task.FromResult(0);
        }

        public Task<bool> DeleteIfUnusedAsync(string sha256, long uploadedBy, CancellationToken cancellationToken)
        {
            DeleteRequests.Add((sha256, uploadedBy));
            return Task.FromResult(true);
        }

        public Task<StoredImage?> FindAsync(string sha256, CancellationToken cancellationToken) =>
            Task.FromResult(Images.GetValueOrDefault(sha256));

        public Task<IReadOnlyList<ImageUsage>?> ListUsagesAsync(string sha256, CancellationToken cancellationToken)
        {
            UsageQueries++;
            return Task.FromResult(Usages.GetValueOrDefault(sha256));
        }
    }
}
