using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Editing;

namespace Manuals.Core.Tests.Manuals.Editing;

/// <summary>A step item as a card (title, text) and back as a conventional list item.</summary>
public sealed class StepCardTests
{
    [Theory]
    [InlineData("1. **売上データの確定依頼** — 営業事務へ依頼します。\n", "売上データの確定依頼", "営業事務へ依頼します。")]
    [InlineData("4. **請求書の出力** — 次を確認します。\n   - 登録番号\n   - 合計金額\n", "請求書の出力", "次を確認します。\n- 登録番号\n- 合計金額")]
    [InlineData("12. **二桁の番号** — 続きます。\n\n    :::warning\n    注意\n    :::\n", "二桁の番号", "続きます。\n\n:::warning\n注意\n:::")]
    [InlineData("2. 太字のない手順です。\n", "", "太字のない手順です。")]
    [InlineData("3. **太字**で始まる文です。\n", "", "**太字**で始まる文です。")]
    [InlineData("5. **見出しだけ**\n   次の行から本文です。\n", "見出しだけ", "次の行から本文です。")]
    public void FromMarkdown_StepItem_TitleAndTextWithoutNumberOrIndent(string item, string title, string text)
    {
        var card = StepCard.FromMarkdown(item);

        Assert.Equal(new StepCard(title, text), card);
    }

    [Theory]
    [InlineData("1. **売上データの確定依頼** — 営業事務へ依頼します。\n", 1)]
    [InlineData("4. **請求書の出力** — 次を確認します。\n   - 登録番号\n   - 合計金額\n", 4)]
    [InlineData("12. **二桁の番号** — 続きます。\n\n    :::warning\n    注意\n    :::\n", 12)]
    [InlineData("2. 太字のない手順です。\n", 2)]
    public void ToMarkdown_ConventionalItem_ComesBackUnchanged(string item, int number)
    {
        Assert.Equal(item, StepCard.FromMarkdown(item).ToMarkdown(number));
    }

    [Theory]
    [MemberData(nameof(SampleManuals.Files), MemberType = typeof(SampleManuals))]
    public void ToMarkdown_EveryStepOfASampleManual_ComesBackAsWritten(string file)
    {
        var steps = ManualOutline.Parse(SampleManuals.Body(file)).Parts.Select(p => p.Steps).OfType<OutlineSteps>().SingleOrDefault();

        foreach (var (item, i) in (steps?.Items ?? []).Select((item, i) => (item, i)))
        {
            // Blank lines between items are the list's, not the card's.
            Assert.Equal(item.TrimEnd('\n') + "\n", StepCard.FromMarkdown(item).ToMarkdown(i + 1));
        }
    }

    [Fact]
    public void ToMarkdown_CardsWrittenInTheEditor_AreStepsWithTheirTitlesScreenshotsAndCallouts()
    {
        StepCard[] cards =
        [
            new("申請書を開く", "共有フォルダの様式を開きます。\n\n![申請画面](/images/0123456789abcdef)"),
            new("金額を入力する", "税込で入力します。\n\n:::warning\n**桁**を間違えないでください。\n:::"),
            new("", "上長に提出します。"),
        ];
        var markdown = "## 手順\n\n" + string.Concat(cards.Select((card, i) => card.ToMarkdown(i + 1)));

        var steps = new MarkdownRenderer().RenderSteps(markdown, CalloutLabels.Japanese);
        var html = new MarkdownRenderer().ToHtml(markdown);

        Assert.Equal(["申請書を開く", "金額を入力する", "上長に提出します"], steps.Select(s => s.Title));
        Assert.Contains("<img src=\"/images/0123456789abcdef\" alt=\"申請画面\"", steps[0].Html, StringComparison.Ordinal);
        Assert.Contains("callout-warning", steps[1].Html, StringComparison.Ordinal);
        Assert.Contains("<strong>桁</strong>", steps[1].Html, StringComparison.Ordinal);
        Assert.Equal(cards, ManualOutline.Parse(markdown).Parts[0].Steps!.Items.Select(StepCard.FromMarkdown));
        Assert.DoesNotContain("<pre>", html, StringComparison.Ordinal);
    }
}
