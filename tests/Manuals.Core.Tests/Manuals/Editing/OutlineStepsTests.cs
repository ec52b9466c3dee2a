using Manuals.Core.Manuals.Editing;

namespace Manuals.Core.Tests.Manuals.Editing;

/// <summary>Putting edited step cards back into the 手順 section: only what changed is rewritten.</summary>
public sealed class OutlineStepsTests
{
    [Theory]
    [MemberData(nameof(SampleManuals.Files), MemberType = typeof(SampleManuals))]
    public void WithCards_TheCardsAsRead_ChangesNoByte(string file)
    {
        var outline = ManualOutline.Parse(SampleManuals.Body(file));

        foreach (var steps in outline.Parts.Select(p => p.Steps).OfType<OutlineSteps>())
        {
            Assert.Same(steps, steps.WithCards(steps.Cards()));
        }
    }

    [Fact]
    public void WithCards_OneCardEdited_RewritesThatItemOnly()
    {
        var steps = Steps("前文\n\n1. **確認** — 見ます。\n2.  余分な空白のある項目\n3. **送付** — 送ります。\n   - 細目\n");
        var cards = steps.Cards().ToArray();
        cards[2] = cards[2] with { Text = "郵送します。" };

        var edited = steps.WithCards(cards);

        Assert.Equal("\n前文\n\n", edited.Before);
        Assert.Equal(["1. **確認** — 見ます。\n", "2.  余分な空白のある項目\n", "3. **送付** — 郵送します。\n"], edited.Items);
    }

    [Fact]
    public void WithCards_ReorderedAddedAndDeleted_RenumbersInTheListsOwnStyle()
    {
        var steps = Steps("3) 三\n\n4) 四\n\n5) 五\n");
        var cards = steps.Cards();

        var edited = steps.WithCards([cards[2], new StepCard("新しい手順", "説明します。"), cards[0]]);

        Assert.Equal("\n3) 五\n\n4) **新しい手順** — 説明します。\n\n5) 三\n", edited.ToMarkdown());
        Assert.Equal("\n", steps.WithCards([]).ToMarkdown());
    }

    private static OutlineSteps Steps(string body) => ManualOutline.Parse("## 手順\n\n" + body).Parts[0].Steps!;
}
