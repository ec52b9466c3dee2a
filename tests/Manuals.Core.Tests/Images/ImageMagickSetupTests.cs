using ImageMagick;
using Manuals.Core.Images;

namespace Manuals.Core.Tests.Images;

/// <summary>ImageMagick is there for animated WebP only: its policy refuses every other coder.</summary>
public sealed class ImageMagickSetupTests
{
    [Theory]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><image href='file:///etc/passwd'/></svg>")]
    [InlineData("<?xml version='1.0'?><image><read filename='/etc/passwd'/></image>")]
    [InlineData("%!PS-Adobe-3.0\n(/etc/passwd) (r) file")]
    public void Read_AnythingButWebP_IsRefusedByThePolicy(string file)
    {
        Assert.True(ImageMagickSetup.IsAvailable);

        Assert.ThrowsAny<MagickException>(() => new MagickImageCollection(System.Text.Encoding.ASCII.GetBytes(file)));
    }

    [Fact]
    public void Read_FromAFileNameOrADelegate_IsRefusedByThePolicy()
    {
        Assert.True(ImageMagickSetup.IsAvailable);

        Assert.Throws<MagickPolicyErrorException>(() => new MagickImage("xc:red"));
        Assert.ThrowsAny<MagickException>(() => new MagickImage("@/etc/passwd"));
    }
}
