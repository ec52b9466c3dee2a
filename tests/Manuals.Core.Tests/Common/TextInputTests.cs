using Manuals.Core.Common;

namespace Manuals.Core.Tests.Common;

public sealed class TextInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n")]
    [InlineData("\u3000\u3000")]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF")]
    [InlineData("\u00AD\u180E\u061C\u200E\u200F\u202E")]
    [InlineData("\u3164\uFFA0\u2800")]
    [InlineData("\u0301\u034F\uFE0F")]
    [InlineData("\u0000\u0007")]
    [InlineData("\U000E0041\U000E007F")]
    public void IsBlank_NothingVisible_True(string? text)
    {
        Assert.True(TextInput.IsBlank(text));
    }

    [Theory]
    [InlineData("月次決算")]
    [InlineData("\u200Ba")]
    [InlineData("\u3000・")]
    [InlineData("😀")]
    [InlineData("e\u0301")]
    public void IsBlank_SomethingVisible_False(string text)
    {
        Assert.False(TextInput.IsBlank(text));
    }

    [Theory]
    [InlineData("a\u0000b", "ab")]
    [InlineData("\u0001\u001F題\u007F\u0085\u009F", "題")]
    [InlineData("行1\r\n\t行2", "行1\r\n\t行2")]
    public void StripControlCharacters_ControlsOtherThanTabAndLineBreaks_Removed(string text, string expected)
    {
        Assert.Equal(expected != text, TextInput.HasControlCharacters(text));
        Assert.Equal(expected, TextInput.StripControlCharacters(text));
    }
}
