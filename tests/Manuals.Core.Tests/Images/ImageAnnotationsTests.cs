using AngleSharp.Html.Parser;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Editing;

namespace Manuals.Core.Tests.Images;

/// <summary>Marks over a screenshot: read from and written to the address's <c>#ann=</c> fragment, drawn as SVG.</summary>
public sealed class ImageAnnotationsTests
{
    private static readonly string Sha = new('d', 64);

    private const string Fragment = "1600x900;box:red:80:370:480:100;arrow:blue:900:100:-300:250;num:red:60:360:0:1;text:green:700:500:0:%E6%B0%8F%E5%90%8D%E3%82%92%E9%9A%A0%E3%81%99";

    [Fact]
    public void Split_AddressWithMarks_GivesThePathAndEachMark()
    {
        var (path, marks) = ImageAnnotations.Split($"/images/{Sha}#ann={Fragment}");

        Assert.Equal($"/images/{Sha}", path);
        Assert.NotNull(marks);
        Assert.Equal((1600, 900), (marks.Width, marks.Height));
        Assert.Equal(
            [
                new ImageAnnotation(AnnotationKind.Box, "red", 80, 370, 480, 100, ""),
                new ImageAnnotation(AnnotationKind.Arrow, "blue", 900, 100, -300, 250, ""),
                new ImageAnnotation(AnnotationKind.Number, "red", 60, 360, 0, 0, "1"),
                new ImageAnnotation(AnnotationKind.Label, "green", 700, 500, 0, 0, "氏名を隠す"),
            ],
            marks.Items);
        Assert.Equal(Fragment, marks.ToFragmentValue());
    }

    [Theory]
    [InlineData("/images/x")]
    [InlineData("/images/x#top")]
    [InlineData("/images/x#ann=")]
    [InlineData("/images/x#ann=0x900")]
    [InlineData("/images/x#ann=1600x900;circle:red:1:1:1:1")]
    [InlineData("/images/x#ann=1600x900;box:pink:1:1:1:1")]
    [InlineData("/images/x#ann=1600x900;box:red:1:1:1")]
    [InlineData("/images/x#ann=1600x900;num:red:1:1:0:100")]
    [InlineData("/images/x#ann=1600x900;text:red:1:1:0:")]
    [InlineData("/images/x#ann=1600x900;text:red:1:1:0:%E3%81")]
    [InlineData("/images/x#ann=1600x900;box:red:1e9:1:1:1")]
    [InlineData("/images/x#ann=-2147483648x1")]
    [InlineData("/images/x#ann=1600x900;box:red:-2147483648:1:1:1")]
    public void Split_NoValidMarks_GivesNoMarks(string url) => Assert.Null(ImageAnnotations.Split(url).Annotations);

    [Fact]
    public void Split_MarksOutsideThePicture_AreClippedToIt()
    {
        var marks = ImageAnnotations.Split("/images/x#ann=100x50;box:red:-20:10:500:500;arrow:red:90:40:50:50").Annotations!;

        Assert.Equal(new ImageAnnotation(AnnotationKind.Box, "red", 0, 10, 100, 40, ""), marks.Items[0]);
        Assert.Equal(new ImageAnnotation(AnnotationKind.Arrow, "red", 90, 40, 10, 10, ""), marks.Items[1]);
    }

    [Fact]
    public void Split_TooManyMarks_GivesNoMarks()
    {
        var items = string.Concat(Enumerable.Repeat(";num:red:1:1:0:1", ImageAnnotations.MaxItems + 1));

        Assert.Null(ImageAnnotations.Split("/images/x#ann=100x50" + items).Annotations);
    }

    [Fact]
    public void ToHtml_ScreenshotWithMarks_IsThePictureWithAnSvgOfTheMarksOverIt()
    {
        var pictures = new Dictionary<string, PictureSize> { [Sha] = new(1600, 900, [480, 960]) };
        var html = new MarkdownRenderer().ToHtml($"1. 画面を開きます。\n\n   ![申請画面](/images/{Sha}#ann={Fragment})\n", CalloutLabels.Japanese, pictures);
        var document = new HtmlParser().ParseDocument(html);

        var frame = Assert.Single(document.QuerySelectorAll("span.annotated-image"));
        var image = Assert.Single(frame.QuerySelectorAll("img"));
        Assert.Equal($"/images/{Sha}", image.GetAttribute("src"));
        Assert.Contains($"/images/{Sha}?w=480 480w", image.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("1600", image.GetAttribute("width"));
        var svg = Assert.Single(frame.QuerySelectorAll("svg"));
        Assert.Equal("0 0 1600 900", svg.GetAttribute("viewBox"));
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.Single(svg.QuerySelectorAll("rect"));
        Assert.Single(svg.QuerySelectorAll("line"));
        Assert.Single(svg.QuerySelectorAll("polygon"));
        Assert.Single(svg.QuerySelectorAll("circle"));
        Assert.Equal(["1", "氏名を隠す"], svg.QuerySelectorAll("text").Select(t => t.TextContent));
    }

    [Fact]
    public void ToHtml_LabelWithMarkup_IsTextInTheSvg()
    {
        var label = Uri.EscapeDataString("<script>alert(1)</script>");

        var html = new MarkdownRenderer().ToHtml($"![図](/images/{Sha}#ann=100x50;text:red:1:20:0:{label})");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var text = Assert.Single(new HtmlParser().ParseDocument(html).QuerySelectorAll("svg text"));
        Assert.Equal("<script>alert(1)</script>", text.TextContent);
    }

    [Fact]
    public void ImageWithMarks_IsStillAScreenshotOfTheStepEditorAndAUseOfTheImage()
    {
        var line = $"![申請画面](/images/{Sha}#ann={Fragment})";

        var part = Assert.Single(EditorContent.Split(line).Parts);

        Assert.Equal(ContentPart.Image, part.Kind);
        Assert.Equal($"/images/{Sha}#ann={Fragment}", part.ImageSource?.Url);
        Assert.Equal([Sha], ImageReferences.Extract(line));
    }
}
