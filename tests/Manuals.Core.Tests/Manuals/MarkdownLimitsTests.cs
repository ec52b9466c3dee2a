using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Manuals;

public sealed class MarkdownLimitsTests
{
    public static TheoryData<string> DeeplyNested() =>
    [
        Repeat(">", 128),
        Repeat("[", 200),
        Repeat("- ", 30000),
        Repeat(":::note\n", 5000),
        Repeat("> - ", 100),
        Repeat("1. ", 3000),
        Repeat("[[", 2000),
        Repeat("*a ", 20000),
        Repeat("![", 5000),
        "## 手順\n\n" + Repeat("  - ", 200),
    ];

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void IsTooDeeplyNested_MarkdigRefusesIt_True(string markdown)
    {
        Assert.True(MarkdownLimits.IsTooDeeplyNested(markdown));
    }

    [Theory]
    [InlineData(">>>>> 引用")]
    [InlineData("- a\n  - b\n    - c")]
    [InlineData("[[リンク]](/x)")]
    public void IsTooDeeplyNested_OrdinaryNesting_False(string markdown)
    {
        Assert.False(MarkdownLimits.IsTooDeeplyNested(markdown));
        Assert.False(MarkdownLimits.IsTooDeeplyNested(Repeat("> ", 60) + "x"));
    }

    [Fact]
    public void IsTooDeeplyNested_AfterARefusal_ATextOfTheSameLengthIsJudgedOnItsOwn()
    {
        // Refusals are remembered by the text's hash: one of the same length and nearly the same text is still read.
        var refused = Repeat("> ", 130);
        var readable = Repeat("> ", 60) + new string('x', refused.Length - Repeat("> ", 60).Length);
        Assert.Equal(refused.Length, readable.Length);

        Assert.True(MarkdownLimits.IsTooDeeplyNested(refused));
        Assert.True(MarkdownLimits.IsTooDeeplyNested(refused));
        Assert.False(MarkdownLimits.IsTooDeeplyNested(readable));
        Assert.Contains("<blockquote>", new MarkdownRenderer().ToHtml(readable), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void EveryParse_TooDeeplyNested_NeverThrows(string markdown)
    {
        var renderer = new MarkdownRenderer();

        var html = renderer.ToHtml(markdown, CalloutLabels.Japanese);

        Assert.Contains("markdown-unreadable", html, StringComparison.Ordinal);
        Assert.Contains("入れ子が深すぎる", html, StringComparison.Ordinal);
        Assert.Equal(markdown, renderer.ToPlainText(markdown));
        Assert.Empty(renderer.ToHeadings(markdown));
        Assert.Empty(renderer.RenderSteps(markdown, CalloutLabels.Japanese));
        Assert.Empty(ManualSections.Parse(markdown));
        Assert.Empty(ImageReferences.Extract(markdown));
        Assert.NotNull(SearchDocument.Create("題", [], markdown));
    }

    [Fact]
    public void ToHtml_TooDeeplyNested_ShowsTheTextEscaped()
    {
        var markdown = Repeat(">", 200) + "<script>alert(1)</script>";

        var html = new MarkdownRenderer().ToHtml(markdown);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Validators_TooDeeplyNested_RefuseTheBody(string markdown)
    {
        var manual = ManualDraftValidator.Validate(
            new ManualDraft("題", 1, ManualVisibility.Company, ManualStatus.Published, null, [], markdown, ""), [1]);
        var template = StepTemplateValidator.Validate(new StepTemplateDraft("テンプレート", "", markdown, []));

        Assert.Contains(manual, e => e is { Field: "Body", Code: "NestingTooDeep" });
        var expected = markdown.Length > TemplateLimits.BodyMaxLength ? "BodyTooLong" : "NestingTooDeep";
        Assert.Contains(template, e => e.Field == "Body" && e.Code == expected);
    }

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count)) + "x";
}
