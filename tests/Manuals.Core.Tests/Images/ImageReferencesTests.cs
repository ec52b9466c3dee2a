using Manuals.Core.Images;

namespace Manuals.Core.Tests.Images;

public sealed class ImageReferencesTests
{
    private const string A = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string B = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    private const string C = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public void Extract_ImagesAndLinksInStepsTablesAndCallouts_ReturnsEachHashOnce()
    {
        var markdown = $"""
            ## 手順

            1. 画面を開きます。
               ![ログイン画面](/images/{A})
            2. [拡大図](/images/{B}) を確認します。

            | 画面 | 説明 |
            | --- | --- |
            | ![一覧](/images/{C} "一覧画面") | 同じ画像 ![再掲](/images/{A}) |

            :::warning
            ![注意](</images/{B}>)
            :::
            """;

        var hashes = ImageReferences.Extract(markdown);

        Assert.Equal(new[] { A, B, C }.Order(StringComparer.Ordinal), hashes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Extract_ReferenceStyleImage_IsFound()
    {
        var hashes = ImageReferences.Extract($"![画面][shot]\n\n[shot]: /images/{A}\n");

        Assert.Equal([A], hashes);
    }

    [Fact]
    public void Extract_ReferenceWrittenWithEntitiesOrPercentEncoding_IsFound()
    {
        var entity = "&#" + (int)A[0] + ";" + A[1..];
        var percent = "%" + ((int)B[0]).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + B[1..];

        var hashes = ImageReferences.Extract($"![x](/images/{entity}) ![y](/images/{percent})");

        Assert.Equal([A, B], hashes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Extract_AbsoluteUrlOfThisSiteAndQueryOrFragment_IsFound()
    {
        var hashes = ImageReferences.Extract($"[原寸](https://manuals.example.jp/images/{A}) ![x](/images/{B}?v=1#top)");

        Assert.Equal([A, B], hashes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Extract_MentionInCodeBlock_IsCountedToErrTowardsRestricting()
    {
        var hashes = ImageReferences.Extract($"```\n![x](/images/{A})\n```\n");

        Assert.Equal([A], hashes);
    }

    [Theory]
    [InlineData("![x](/images/0123456789abcdef)")]
    [InlineData("![x](/images/0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF)")]
    [InlineData("![x](/images/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0)")]
    [InlineData("![x](/images/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg)")]
    [InlineData("![x](/img/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef)")]
    [InlineData("手順に画像はありません。")]
    [InlineData("")]
    public void Extract_NoValidImageUrl_ReturnsEmpty(string markdown) =>
        Assert.Empty(ImageReferences.Extract(markdown));

    [Theory]
    [InlineData(A, true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsSha256_OnlySixtyFourLowerCaseHexDigits(string? value, bool expected) =>
        Assert.Equal(expected, ImageReferences.IsSha256(value));

    [Fact]
    public void UrlFor_Hash_IsImagesPath() =>
        Assert.Equal("/images/" + A, ImageReferences.UrlFor(A));
}
