using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Templates;

public sealed class TemplateCompletenessTests
{
    private const string Skeleton = """
        ## 目的

        （この業務を行う目的を1〜2文で書きます）

        ## 対象・前提

        - 対象者：（この手順を行う人を書きます）

        ## 手順

        1. **（手順名）** — （行うことを書きます）
        2. **（手順名）** — （行うことを書きます）

        ## 例外・注意点

        （いつもと違うケースを書きます）

        ## ノウハウ（フローに書けないコツ）

        ## 関連情報

        - （関連するマニュアルを書きます）
        """;

    private static readonly StepTemplate Standard = new()
    {
        Id = 1,
        Name = "業務手順書",
        Body = Skeleton,
        RequiredSections = ["目的", "手順", "例外・注意点"],
    };

    [Fact]
    public void Check_NoTemplate_IsEmptyAndComplete()
    {
        var report = TemplateCompleteness.Check(null, "## 目的\n");

        Assert.Null(report.TemplateName);
        Assert.Empty(report.Sections);
        Assert.Empty(report.MissingRequired);
        Assert.True(report.IsComplete);
    }

    [Fact]
    public void Check_FreshManualFromSkeleton_HasEveryHeadingButNothingFilled()
    {
        var report = TemplateCompleteness.Check(Standard, Standard.Body);

        Assert.Equal("業務手順書", report.TemplateName);
        Assert.Equal(["目的", "対象・前提", "手順", "例外・注意点", "ノウハウ（フローに書けないコツ）", "関連情報"], report.Sections.Select(s => s.Name));
        Assert.All(report.Sections, s => Assert.True(s.PresentInManual));
        Assert.All(report.Sections, s => Assert.False(s.Filled));
        Assert.Equal(["目的", "手順", "例外・注意点"], report.MissingRequired);
        Assert.False(report.IsComplete);
        Assert.Equal(3, report.RequiredCount);
        Assert.Equal(0, report.RequiredFilledCount);
    }

    [Fact]
    public void Check_PlaceholderReindentedOrRewidened_StillCountsAsUnfilled()
    {
        var body = Skeleton.Replace("（この業務を行う目的を1〜2文で書きます）", "   (この業務を行う目的を1〜2文で書きます)\n\n", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);

        var report = TemplateCompleteness.Check(Standard, body);

        Assert.False(report.Sections.Single(s => s.Name == "目的").Filled);
    }

    [Fact]
    public void Check_RequiredSectionsWritten_IsComplete()
    {
        var body = Skeleton
            .Replace("（この業務を行う目的を1〜2文で書きます）", "請求漏れを防ぎ、月末の入金確認を確実にするための手順です。", StringComparison.Ordinal)
            .Replace("1. **（手順名）** — （行うことを書きます）\n2. **（手順名）** — （行うことを書きます）", "1. **請求データの出力** — 販売管理から出力します。", StringComparison.Ordinal)
            .Replace("（いつもと違うケースを書きます）", "締め日が休日のときは前営業日に行います。", StringComparison.Ordinal);

        var report = TemplateCompleteness.Check(Standard, body);

        Assert.True(report.IsComplete);
        Assert.Empty(report.MissingRequired);
        Assert.Equal(3, report.RequiredFilledCount);
        Assert.False(report.Sections.Single(s => s.Name == "関連情報").Filled);
    }

    [Fact]
    public void Check_OneOfSeveralStepsRewritten_CountsAsFilled()
    {
        var body = Skeleton.Replace("1. **（手順名）** — （行うことを書きます）", "1. **台帳を開く** — 共有フォルダの台帳を開きます。", StringComparison.Ordinal);

        var report = TemplateCompleteness.Check(Standard, body);

        Assert.True(report.Sections.Single(s => s.Name == "手順").Filled);
    }

    [Fact]
    public void Check_RequiredHeadingDeleted_IsMissingAndNotPresent()
    {
        var body = "## 目的\n請求漏れを防ぎます。\n\n## 例外・注意点\n特になし。\n";

        var report = TemplateCompleteness.Check(Standard, body);

        var steps = report.Sections.Single(s => s.Name == "手順");
        Assert.False(steps.PresentInManual);
        Assert.False(steps.Filled);
        Assert.True(steps.Required);
        Assert.Equal(["手順"], report.MissingRequired);
        Assert.False(report.IsComplete);
    }

    [Fact]
    public void Check_HeadingEmptiedOrOnlySubheadings_IsUnfilled()
    {
        var body = "## 目的\n\n   \n## 手順\n### 準備\n### 実施\n## 例外・注意点\nなし\n";

        var report = TemplateCompleteness.Check(Standard, body);

        Assert.Equal(["目的", "手順"], report.MissingRequired);
        Assert.True(report.Sections.Single(s => s.Name == "目的").PresentInManual);
    }

    [Fact]
    public void Check_HeadingWrittenInOtherWidthAndOrder_StillMatches()
    {
        var body = "## 例外・注意点\nなし\n## 手順\n1. 記入します。\n##  目的 \n目的です。\n## ノウハウ(フローに書けないコツ)\n朝のうちに済ませます。\n";

        var report = TemplateCompleteness.Check(Standard, body);

        Assert.True(report.IsComplete);
        Assert.Equal("目的", report.Sections[0].Name);
        Assert.True(report.Sections.Single(s => s.Name == "ノウハウ（フローに書けないコツ）").Filled);
    }

    [Fact]
    public void Check_HeadingInsideCodeFenceOnly_DoesNotCount()
    {
        var body = "## 目的\n目的です。\n## 例外・注意点\n```\n## 手順\n1. 記入します。\n```\n";

        var report = TemplateCompleteness.Check(Standard, body);

        Assert.Equal(["手順"], report.MissingRequired);
    }

    [Fact]
    public void Check_RepeatedHeading_OneFilledOccurrenceIsEnough()
    {
        var body = Skeleton + "\n## 目的\n二つ目の目的の欄に書きました。\n";

        var report = TemplateCompleteness.Check(Standard, body);

        Assert.True(report.Sections.Single(s => s.Name == "目的").Filled);
    }

    [Fact]
    public void Check_ChecklistSkeletonRoundTrip_UnfilledUntilAnItemIsWritten()
    {
        var checklist = new StepTemplate
        {
            Name = "チェックリスト型",
            Body = "## 目的\n\n（何の漏れを防ぐかを書きます）\n\n## 手順\n\n- [ ] （確認する項目を書きます）\n- [ ] （期限を添えます）\n",
            RequiredSections = ["目的", "手順"],
        };
        var written = checklist.Body
            .Replace("（何の漏れを防ぐかを書きます）", "入社手続きの漏れを防ぎます。", StringComparison.Ordinal)
            .Replace("- [ ] （期限を添えます）", "- [ ] 雇用契約書を回収する（入社日まで）", StringComparison.Ordinal);

        Assert.Equal(["目的", "手順"], TemplateCompleteness.Check(checklist, checklist.Body).MissingRequired);
        Assert.True(TemplateCompleteness.Check(checklist, written).IsComplete);
    }
}
