using Manuals.Core.Manuals.Editing;

namespace Manuals.Core.Tests.Manuals.Editing;

public sealed class EditorContentTests
{
    private const string Image = "![請求画面](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)";

    [Fact]
    public void Split_TextWithScreenshotsAndCallouts_GivesEachPartInOrder()
    {
        var text = $":::warning\n締め後は修正できません。\n:::\n\n画面を開きます。\n{Image}\n{Image}\n\n続きの説明。\n\n:::tip\n月初は混みます。\n:::";

        var content = EditorContent.Split(text);

        Assert.Equal(
            [
                new ContentPart("warning", "締め後は修正できません。"),
                new ContentPart("text", "画面を開きます。"),
                new ContentPart("image", Image),
                new ContentPart("image", Image),
                new ContentPart("text", "続きの説明。"),
                new ContentPart("tip", "月初は混みます。"),
            ],
            content.Parts);
        Assert.Equal(("/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a", "請求画面"), content.Parts[2].ImageSource);
        Assert.Equal(
            $":::warning\n締め後は修正できません。\n:::\n\n画面を開きます。\n\n{Image}\n{Image}\n\n続きの説明。\n\n:::tip\n月初は混みます。\n:::",
            content.Join());
        Assert.True(EditorContent.Split(content.Join()).IsSameAs(content));
    }

    [Theory]
    [InlineData("```\n![コードの中](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)\n:::warning\nx\n:::\n```")]
    [InlineData(":::warning\n閉じていない囲み")]
    [InlineData("![外部の画像](https://example.com/a.png)")]
    [InlineData("文中の ![画像](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a) はそのまま")]
    [InlineData(":::danger\n知らない種類\n:::")]
    public void Split_WhatIsNotAScreenshotOrCalloutOfItsOwn_StaysText(string text)
    {
        Assert.Equal([new ContentPart("text", text)], EditorContent.Split(text).Parts);
    }

    [Fact]
    public void Create_PostedParts_NormalisedEmptyOnesAndForeignImagesLeftOut()
    {
        var content = EditorContent.Create(
        [
            new ContentPart("text", "\r\n入力します。\r\n\r\n\r\n確認します。\r\n"),
            new ContentPart("warning", "金額に注意。\r\n"),
            new ContentPart("tip", "  "),
            new ContentPart("image", "![x](https://example.com/x.png)"),
            new ContentPart("image", "  " + Image + " "),
            new ContentPart("danger", "知らない種類は文章に"),
        ]);

        Assert.Equal(
            [
                new ContentPart("text", "入力します。\n\n確認します。"),
                new ContentPart("warning", "金額に注意。"),
                new ContentPart("image", Image),
                new ContentPart("text", "知らない種類は文章に"),
            ],
            content.Parts);
    }
}
