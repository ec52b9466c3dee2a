using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Editing;
using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Manuals.Editing;

public sealed class EditorLayoutTests
{
    private const string Skeleton = """
        ## 目的

        （この業務を行う目的と、行わないと誰が困るのかを1〜2文で書きます）

        ## 対象・前提

        - 対象者：（この手順を行う人・部署を書きます）

        ## 手順

        1. **（手順名）** — （この手順で行うことを具体的に書きます）
        2. **（手順名）** — （画面操作がある場合は、スクリーンショットを貼り付けます）

        ## 例外・注意点

        （いつもと違うケースとその対応を書きます）

        ## 関連情報

        - （関連するマニュアルを書きます）

        """;

    private static readonly StepTemplate Template = new()
    {
        Name = "業務手順書",
        Body = Skeleton,
        RequiredSections = ["目的", "手順", "例外・注意点"],
    };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Compose_SampleManualPostedAsShown_GivesBackTheSameBytes(string file)
    {
        var markdown = SampleManuals.Body(file);

        var layout = EditorLayout.Build(markdown, Template);

        Assert.Equal(markdown, EditorLayout.Compose(markdown, AsShown(layout)));
    }

    public static TheoryData<string> SampleFiles() => SampleManuals.Files();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Compose_GeneratedDocumentsPostedAsShown_GiveBackTheSameBytes(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            // Browsers post CRLF and the form stores LF: the Markdown a page is made from has LF only.
            var markdown = GeneratedManuals.Generate(random).Replace("\r\n", "\n", StringComparison.Ordinal);

            var layout = EditorLayout.Build(markdown, random.Next(2) == 0 ? Template : null);

            Assert.Equal(markdown, EditorLayout.Compose(markdown, AsShown(layout)));
        }
    }

    [Fact]
    public void Build_SampleManual_ShowsItsSectionsInOrderWithRequiredMarksAndItsStepsAsCards()
    {
        var markdown = SampleManuals.Body("invoice-issuance.md");

        var layout = EditorLayout.Build(markdown, Template);

        Assert.Equal(
            [("目的", true), ("対象・前提", false), ("手順", true), ("例外・注意点", true), ("ノウハウ（フローに書けないコツ）", false), ("関連情報", false)],
            layout.Blocks.Select(b => (b.Name, b.Required)));
        Assert.StartsWith("取引先への請求書を", layout.Blocks[0].Text.Shown, StringComparison.Ordinal);
        var cards = layout.Blocks[2].Steps!.Cards;
        Assert.Equal(8, cards.Count);
        Assert.Equal(("請求締め処理", 2), (cards[2].Title, cards[2].Origin));
        Assert.StartsWith("第1営業日の午後に", cards[2].Content.Parts[0].Value, StringComparison.Ordinal);
        Assert.Contains("   - 登録番号", SampleManuals.Body("invoice-issuance.md"), StringComparison.Ordinal);
        Assert.Contains("\n- 登録番号（T＋13桁）", cards[3].Content.Parts[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FreshTemplate_ShowsTheHintsAsPlaceholdersAndPostedUntouchedKeepsTheSkeleton()
    {
        var layout = EditorLayout.Build(Skeleton, Template);

        Assert.All(layout.Blocks.Where(b => b.Steps is null), b => Assert.Equal("", b.Text.Shown));
        Assert.Equal("（この業務を行う目的と、行わないと誰が困るのかを1〜2文で書きます）", layout.Blocks[0].Text.Hint);
        var cards = layout.Blocks[2].Steps!.Cards;
        Assert.All(cards, c => Assert.True(c.IsHint));
        Assert.Equal("（手順名）", cards[0].TitleHint);
        Assert.Equal(Skeleton, EditorLayout.Compose(Skeleton, AsShown(layout)));
    }

    [Fact]
    public void Compose_WriterFillsTheTemplate_WritesConventionalMarkdownInTemplateOrder()
    {
        var layout = EditorLayout.Build(Skeleton, Template);
        var input = AsShown(layout);
        var blocks = input.Blocks.ToList();
        blocks[0] = blocks[0] with { Parts = null, Text = "請求書を期日までに発行する。" };
        blocks[2] = blocks[2] with
        {
            Cards =
            [
                new EditorCardInput(0, "売上の確定", T("営業事務に確認を依頼します。\r\n返事を待ちます。"), Hinted: true),
                new EditorCardInput(-1, "請求書の出力", T("販売管理システムで出力します。")),
                new EditorCardInput(1, "", T(""), Hinted: true),
            ],
        };
        blocks[3] = blocks[3] with { Parts = null, Text = ":::warning\n金額を誤ったら再発行します。\n:::" };

        var markdown = EditorLayout.Compose(Skeleton, input with { Blocks = blocks });

        Assert.Equal(
            """
            ## 目的

            請求書を期日までに発行する。

            ## 対象・前提

            - 対象者：（この手順を行う人・部署を書きます）

            ## 手順

            1. **売上の確定** — 営業事務に確認を依頼します。
               返事を待ちます。
            2. **請求書の出力** — 販売管理システムで出力します。
            3. **（手順名）** — （画面操作がある場合は、スクリーンショットを貼り付けます）

            ## 例外・注意点

            :::warning
            金額を誤ったら再発行します。
            :::

            ## 関連情報

            - （関連するマニュアルを書きます）

            """,
            markdown);
        var completeness = TemplateCompleteness.Check(Template, markdown!);
        Assert.True(completeness.IsComplete);
    }

    [Fact]
    public void Compose_NewManualWithHintsLeftOut_WritesOnlyWhatTheWriterWrote()
    {
        var layout = EditorLayout.Build(Skeleton, Template);
        var input = AsShown(layout);
        var blocks = input.Blocks.ToList();
        blocks[0] = blocks[0] with { Parts = null, Text = "請求書を期日までに発行する。" };
        blocks[2] = blocks[2] with { Cards = [blocks[2].Cards![0] with { Title = "売上の確定" }, blocks[2].Cards![1]] };

        var markdown = EditorLayout.Compose(Skeleton, input with { Blocks = blocks }, leaveOutHints: true);

        Assert.Equal("## 目的\n\n請求書を期日までに発行する。\n\n## 手順\n\n1. **売上の確定**\n", markdown);
        Assert.Equal("", EditorLayout.Compose(Skeleton, AsShown(layout), leaveOutHints: true));
        var reopened = EditorLayout.Build(markdown!, Template);
        Assert.Equal(["目的", "対象・前提", "手順", "例外・注意点", "関連情報"], reopened.Blocks.Select(b => b.Name));
        Assert.True(reopened.Blocks[1].IsAdded);
        Assert.Equal("- 対象者：（この手順を行う人・部署を書きます）", reopened.Blocks[1].Text.Hint);
    }

    [Fact]
    public void Build_ManualWithoutHeadings_ShowsItsBoxesAsPartsAndKeepsItsBytes()
    {
        const string markdown = "電源を入れます。\n\n:::warning\n濡れた手で触らない。\n:::\n\n終わったら切ります。";
        var layout = EditorLayout.Build(markdown, null);

        Assert.Empty(layout.Blocks);
        Assert.Equal(["text", "warning", "text"], layout.LeadContent.Parts.Select(p => p.Kind));
        Assert.Equal(markdown, EditorLayout.Compose(markdown, AsShown(layout)));
        var edited = AsShown(layout) with { LeadParts = [.. layout.LeadContent.Parts.Take(2), new ContentPart("tip", "節電しましょう。")] };
        Assert.Equal("電源を入れます。\n\n:::warning\n濡れた手で触らない。\n:::\n\n:::tip\n節電しましょう。\n:::\n", EditorLayout.Compose(markdown, edited));
    }

    [Fact]
    public void Compose_StepsMovedDuplicatedAndDeleted_RewritesOnlyTheStepsThatChangedPlace()
    {
        const string markdown = "## 手順\n\n1. **一** — いち\n2. **二** — に\n3. **三** — さん\n\n## 関連情報\n\nなし\n";
        var input = AsShown(EditorLayout.Build(markdown, null));
        var cards = input.Blocks[0].Cards!;

        var moved = With(input, 0, [cards[1], cards[0], cards[2]]);
        var duplicated = With(input, 0, [cards[0], cards[1], cards[1] with { Origin = -1 }, cards[2]]);
        var deleted = With(input, 0, [cards[0], cards[2]]);

        Assert.Equal("## 手順\n\n1. **二** — に\n2. **一** — いち\n3. **三** — さん\n\n## 関連情報\n\nなし\n", EditorLayout.Compose(markdown, moved));
        Assert.Equal(
            "## 手順\n\n1. **一** — いち\n2. **二** — に\n3. **二** — に\n4. **三** — さん\n\n## 関連情報\n\nなし\n",
            EditorLayout.Compose(markdown, duplicated));
        Assert.Equal("## 手順\n\n1. **一** — いち\n2. **三** — さん\n\n## 関連情報\n\nなし\n", EditorLayout.Compose(markdown, deleted));
    }

    [Fact]
    public void Compose_OneSectionEdited_ChangesOnlyThatSection()
    {
        var markdown = SampleManuals.Body("invoice-issuance.md");
        var input = AsShown(EditorLayout.Build(markdown, Template));
        var blocks = input.Blocks.ToList();
        blocks[4] = blocks[4] with { Parts = null, Text = "月末は混みます。" };

        var edited = EditorLayout.Compose(markdown, input with { Blocks = blocks })!;

        var before = ManualOutline.Parse(markdown).Parts;
        var after = ManualOutline.Parse(edited).Parts;
        Assert.Equal(before.Count, after.Count);
        Assert.Equal("\n月末は混みます。\n\n", after[4].Body);
        Assert.All(Enumerable.Range(0, before.Count).Where(i => i != 4), i => Assert.Equal(before[i].ToMarkdown(), after[i].ToMarkdown()));
    }

    [Fact]
    public void Compose_MissingTemplateSectionFilled_InsertsItsHeadingWhereTheTemplateHasIt()
    {
        const string markdown = "## 目的\n\n請求する。\n\n## 手順\n\n1. 出力する\n\n## 関連情報\n\nなし\n";
        var layout = EditorLayout.Build(markdown, Template);
        Assert.Equal(["目的", "対象・前提", "手順", "例外・注意点", "関連情報"], layout.Blocks.Select(b => b.Name));
        Assert.True(layout.Blocks[3].IsAdded);
        var input = AsShown(layout);
        var blocks = input.Blocks.ToList();
        blocks[3] = blocks[3] with { Parts = null, Text = "締め後の修正は課長に相談する。" };

        var edited = EditorLayout.Compose(markdown, input with { Blocks = blocks });

        Assert.Equal("## 目的\n\n請求する。\n\n## 手順\n\n1. 出力する\n\n## 例外・注意点\n\n締め後の修正は課長に相談する。\n\n## 関連情報\n\nなし\n", edited);
        Assert.Equal(markdown, EditorLayout.Compose(markdown, AsShown(layout)));
    }

    [Fact]
    public void Compose_StepsSectionWithoutAList_GetsTheAddedCardsAsAListAfterItsText()
    {
        const string markdown = "## 手順\n\n画面を開きます。\n## 関連情報\n";
        var input = AsShown(EditorLayout.Build(markdown, null));
        Assert.Empty(input.Blocks[0].Cards!);

        var edited = EditorLayout.Compose(markdown, With(input, 0, [new EditorCardInput(-1, "ログイン", T("IDを入れます。")), new EditorCardInput(-1, "", T(""))]));

        Assert.Equal("## 手順\n\n画面を開きます。\n\n1. **ログイン** — IDを入れます。\n## 関連情報\n", edited);
        Assert.Single(new MarkdownRenderer().RenderSteps(edited!, CalloutLabels.Japanese));
    }

    [Fact]
    public void Build_ChecklistSteps_StayText()
    {
        var layout = EditorLayout.Build("## 手順\n\n- [ ] 一つ目\n- [ ] 二つ目\n", null);

        Assert.Null(layout.Blocks[0].Steps);
        Assert.Equal("- [ ] 一つ目\n- [ ] 二つ目", layout.Blocks[0].Text.Shown);
    }

    [Fact]
    public void Compose_BlocksThatDoNotFitTheMarkdown_GivesNull()
    {
        const string markdown = "## 目的\n\nA\n\n## 手順\n\n1. B\n";
        var input = AsShown(EditorLayout.Build(markdown, null));

        Assert.Null(EditorLayout.Compose(markdown, input with { Blocks = input.Blocks.Take(1).ToList() }));
        Assert.Null(EditorLayout.Compose("## 目的\n\nA\n", input));
        Assert.Null(EditorLayout.Compose(markdown, input with { Blocks = [input.Blocks[1], input.Blocks[0]] }));
    }

    [Fact]
    public void Compose_EditedLeadAndLastSectionWithoutLineBreak_KeepsTheHeadingsApart()
    {
        const string markdown = "前書き\n## 目的\n最後の行";
        var input = AsShown(EditorLayout.Build(markdown, null));

        var edited = EditorLayout.Compose(markdown, input with
        {
            LeadParts = T("新しい前書き"),
            Blocks = [input.Blocks[0] with { Parts = T("書き直した") }],
        });

        Assert.Equal("新しい前書き\n\n## 目的\n\n書き直した\n", edited);
    }

    [Fact]
    public void Compose_CardWithScreenshotAndCallout_KeptAsWrittenUntilEditedThenWrittenInPartsOrder()
    {
        const string image = "![画面](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)";
        var markdown = $"## 手順\n\n1. **開く** — 画面を開きます。\n\n   :::warning\n   本番環境に注意。\n   :::\n\n   {image}\n2. **閉じる**\n";
        var layout = EditorLayout.Build(markdown, null);
        var card = layout.Blocks[0].Steps!.Cards[0];
        Assert.Equal(
            [new ContentPart("text", "画面を開きます。"), new ContentPart("warning", "本番環境に注意。"), new ContentPart("image", image)],
            card.Content.Parts);
        var input = AsShown(layout);
        Assert.Equal(markdown, EditorLayout.Compose(markdown, input));
        var cards = input.Blocks[0].Cards!;

        var edited = EditorLayout.Compose(markdown, With(input, 0, [cards[0] with { Parts = [.. T("ログイン画面を開きます。"), .. cards[0].Parts!.Skip(1)] }, cards[1]]));
        var tipAdded = EditorLayout.Compose(markdown, With(input, 0, [cards[0], cards[1] with { Parts = [.. cards[1].Parts!, new ContentPart("tip", "保存を忘れずに。")] }]));
        var imageRemoved = EditorLayout.Compose(markdown, With(input, 0, [cards[0] with { Parts = [.. cards[0].Parts!.Where(p => p.Kind != ContentPart.Image)] }, cards[1]]));

        Assert.Equal($"## 手順\n\n1. **開く** — ログイン画面を開きます。\n\n   :::warning\n   本番環境に注意。\n   :::\n\n   {image}\n2. **閉じる**\n", edited);
        Assert.Equal($"## 手順\n\n1. **開く** — 画面を開きます。\n\n   :::warning\n   本番環境に注意。\n   :::\n\n   {image}\n2. **閉じる**\n\n   :::tip\n   保存を忘れずに。\n   :::\n", tipAdded);
        Assert.Equal(new StepCard("閉じる", ":::tip\n保存を忘れずに。\n:::"), ManualOutline.Parse(tipAdded!).Parts[0].Steps!.Cards()[1]);
        Assert.Equal("## 手順\n\n1. **開く** — 画面を開きます。\n\n   :::warning\n   本番環境に注意。\n   :::\n2. **閉じる**\n", imageRemoved);
        Assert.Equal(2, new MarkdownRenderer().RenderSteps(tipAdded!, CalloutLabels.Japanese).Count);
    }

    /// <summary>What the editor's form posts when the writer changes nothing.</summary>
    internal static EditorInput AsShown(EditorLayout layout) => new(
        layout.Lead.Shown,
        layout.Blocks.Select(b => new EditorBlockInput(
            b.Text.Shown,
            b.Text.Hint is not null,
            b.IsAdded ? b.Name : null,
            b.Steps?.Cards.Select(c => new EditorCardInput(c.Origin, c.Title, c.Content.Parts, c.IsHint)).ToList(),
            b.Steps?.After.Shown,
            b.Steps is null ? b.Content.Parts : null)).ToList(),
        layout.LeadContent.Parts);

    private static IReadOnlyList<ContentPart> T(string text) => [new ContentPart(ContentPart.Text, text)];

    private static EditorInput With(EditorInput input, int block, IReadOnlyList<EditorCardInput> cards)
    {
        var blocks = input.Blocks.ToList();
        blocks[block] = blocks[block] with { Cards = cards };
        return input with { Blocks = blocks };
    }
}
