using Manuals.Core.Manuals.Editing;

namespace Manuals.Core.Tests.Manuals.Editing;

public sealed class CardContentTests
{
    private const string Image = "/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a";

    [Fact]
    public void Split_TextWithScreenshotsAndCallouts_ShowsEachAsItsOwnPart()
    {
        var text = $"画面を開きます。\n![請求画面]({Image})\n\n:::warning\n締め後は修正できません。\n:::\n\n続きの説明。\n\n:::tip\n月初は混みます。\n:::";

        var content = CardContent.Split(text);

        Assert.Equal("画面を開きます。\n\n続きの説明。", content.Prose);
        Assert.Equal([new CardImage("請求画面", Image)], content.Images);
        Assert.Equal([new CardCallout("warning", "締め後は修正できません。"), new CardCallout("tip", "月初は混みます。")], content.Callouts);
    }

    [Theory]
    [InlineData("```\n![コードの中](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)\n:::warning\nx\n:::\n```")]
    [InlineData(":::warning\n閉じていない囲み")]
    [InlineData("![外部の画像](https://example.com/a.png)")]
    [InlineData("文中の ![画像](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a) はそのまま")]
    [InlineData(":::danger\n知らない種類\n:::")]
    public void Split_WhatIsNotAScreenshotOrCalloutOfItsOwn_StaysProse(string text)
    {
        var content = CardContent.Split(text);

        Assert.Equal(text, content.Prose);
        Assert.Empty(content.Images);
        Assert.Empty(content.Callouts);
    }

    [Fact]
    public void Join_Parts_WritesProseThenScreenshotsThenCalloutsWithBlankLines()
    {
        var content = CardContent.Create(
            "入力します。\r\n確認します。\r\n",
            [new CardImage("画面1", Image), new CardImage("画面2", Image)],
            [new CardCallout("warning", "金額に注意。\r\n"), new CardCallout("tip", "  "), new CardCallout("unknown", "メモです。")]);

        Assert.Equal(
            $"入力します。\n確認します。\n\n![画面1]({Image})\n![画面2]({Image})\n\n:::warning\n金額に注意。\n:::\n\n:::note\nメモです。\n:::",
            content.Join());
        Assert.True(CardContent.Split(content.Join()).IsSameAs(content with { Callouts = [content.Callouts[0], content.Callouts[2]] }));
    }

    [Theory]
    [InlineData("![a](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)", true)]
    [InlineData("  ![a](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)  ", true)]
    [InlineData("![a](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)\n## 見出し", false)]
    [InlineData("![a](https://example.com/x.png)", false)]
    [InlineData("本文", false)]
    [InlineData(null, false)]
    public void ParseImage_PostedValue_AcceptsOnlyOneStoredImage(string? posted, bool accepted)
    {
        Assert.Equal(accepted, CardImage.Parse(posted) is not null);
    }
}
