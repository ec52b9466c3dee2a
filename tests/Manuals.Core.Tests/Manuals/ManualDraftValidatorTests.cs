using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

public sealed class ManualDraftValidatorTests
{
    [Theory]
    [InlineData("月次、決算", new[] { "月次", "決算" })]
    [InlineData("PR TIMES、プレスリリース", new[] { "PR TIMES", "プレスリリース" })]
    [InlineData(" 請求書 ,インボイス，請求書\n月次 ", new[] { "請求書", "インボイス", "月次" })]
    [InlineData("", new string[0])]
    public void ParseTags_FieldAsTheFormShowsIt_GivesTheTagsWithSpacesKeptInside(string text, string[] expected)
    {
        Assert.Equal(expected, ManualDraftValidator.ParseTags(text));
    }
}
