using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Editing;
using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Manuals.Editing;

/// <summary>
/// A manual cut into the step editor's parts comes back byte for byte, and the parts are the sections and steps readers
/// see: over every sample manual and over generated documents full of what trips a line-based cutter.
/// </summary>
public sealed class ManualOutlineTests
{
    [Theory]
    [MemberData(nameof(SampleManuals.Files), MemberType = typeof(SampleManuals))]
    public void Parse_SampleManual_JoinsBackByteForByteWithItsSectionsAndSteps(string file)
    {
        var markdown = SampleManuals.Body(file);

        var outline = ManualOutline.Parse(markdown);

        Assert.Equal(markdown, outline.ToMarkdown());
        Assert.Equal(ManualSections.Parse(markdown).Select(s => s.Heading), outline.Parts.Where(p => p.Level == 2).Select(p => p.Title));
        AssertStepsAsRendered(markdown, outline);
    }

    [Fact]
    public void Parse_SampleManuals_EveryOrderedStepListIsCutIntoCards()
    {
        var withSteps = SampleManuals.All()
            .Select(ManualOutline.Parse)
            .Count(outline => outline.Parts.Any(p => p.Steps is { Items.Count: > 0 }));

        // Every sample but the checklists (入社・退職) writes its 手順 as a numbered list.
        Assert.True(withSteps >= 15, $"{withSteps} samples with steps");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Parse_GeneratedDocuments_JoinBackByteForByteWithTheStepsAsRendered(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var markdown = GeneratedManuals.Generate(random);

            var outline = ManualOutline.Parse(markdown);

            Assert.Equal(markdown, outline.ToMarkdown());
            AssertStepsAsRendered(markdown, outline);
        }
    }

    [Fact]
    public void Parse_HeadingLikeLinesInsideBlocks_AreTextOfTheirSection()
    {
        const string markdown = "前書き\n\n## 目的\n\n```\n## コードの中\n```\n\n:::note\n## メモの中\n:::\n\n> ## 引用の中\n\n関連\n===\n\n## 手順\n\n1. 一つ目\n2. 二つ目\n";

        var outline = ManualOutline.Parse(markdown);

        Assert.Equal("前書き\n\n", outline.Lead);
        Assert.Equal([(2, "目的"), (1, "関連"), (2, "手順")], outline.Parts.Select(p => (p.Level, p.Title)));
        Assert.Equal("関連\n===\n", outline.Parts[1].HeadingText);
        Assert.Equal(["1. 一つ目\n", "2. 二つ目\n"], outline.Parts[2].Steps!.Items);
        Assert.Equal(markdown, outline.ToMarkdown());
    }

    [Fact]
    public void Parse_StepsSectionAroundItsList_KeepsTheTextBeforeAndAfterApart()
    {
        const string markdown = "## 手順\n\n最初に確認します。\n\n1. **確認** — 見ます。\n   - 細目\n\n2. 送ります。\n\n\n:::warning\n注意\n:::\n\n1. 別のリスト\n## 関連情報\n";

        var steps = ManualOutline.Parse(markdown).Parts[0].Steps!;

        Assert.Equal("\n最初に確認します。\n\n", steps.Before);
        Assert.Equal(["1. **確認** — 見ます。\n   - 細目\n\n", "2. 送ります。\n"], steps.Items);
        Assert.Equal("\n\n:::warning\n注意\n:::\n\n1. 別のリスト\n", steps.After);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("本文だけ", 0)]
    [InlineData("## 手順\n\n- [ ] チェック項目\n", 0)]
    [InlineData("## 手順\r\n\r\n1. 改行がCRLF\r\n2. 二つ目\r\n", 2)]
    public void Parse_FewOrNoParts_JoinsBackWithItsSteps(string markdown, int steps)
    {
        var outline = ManualOutline.Parse(markdown);

        Assert.Equal(markdown, outline.ToMarkdown());
        Assert.Equal(steps, outline.Parts.Sum(p => p.Steps?.Items.Count ?? 0));
    }

    /// <summary>The outline's steps are the ones the manual page shows as cards, with the same titles.</summary>
    private static void AssertStepsAsRendered(string markdown, ManualOutline outline)
    {
        var rendered = new MarkdownRenderer().RenderSteps(markdown, CalloutLabels.Japanese);
        var steps = outline.Parts.FirstOrDefault(p => p.Steps is not null)?.Steps;
        if (steps is null)
        {
            // No ordered list in 手順: only a checklist may give the page steps.
            Assert.All(rendered, step => Assert.Contains("[ ]", markdown, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(rendered.Count, steps.Items.Count);
    }
}
