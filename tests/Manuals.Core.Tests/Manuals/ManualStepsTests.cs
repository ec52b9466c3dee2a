using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

/// <summary>Which items are a manual's steps, their titles and HTML (RenderSteps), and the step cards in ToHtml.</summary>
public sealed class ManualStepsTests
{
    // Excerpt of samples/manuals/monthly-closing.md (the section before and after 手順 included, front matter left out).
    private const string MonthlyClosing = """
        ## 対象・前提

        - 対象者：経理部の月次決算担当者（主担当1名・副担当1名）
        - 締め日：毎月末日締め、**翌月第5営業日までに仮締め**、第6営業日に経理部長の承認をもって本締めとします。

        ## 手順

        1. **預金残高の照合** — 翌月第1営業日の午前中に、全口座のネットバンキング明細を取得し、勘定奉行の預金残高と照合します。不一致がある場合は未記帳の入出金を洗い出し、その日のうちに仕訳を起票します。
        2. **売上・売掛金の確定** — 販売奉行クラウドで前月分の売上締め処理を行い、仕訳連携データを勘定奉行へ取り込みます。取り込み後、売掛金残高一覧表と販売奉行の請求残高が一致することを確認します。
        3. **仕入・経費の計上** — 翌月第3営業日までに届いた仕入先請求書と、楽楽精算で承認済みの経費データを計上します。楽楽精算の仕訳データはCSVで出力し、勘定奉行の「仕訳伝票の受入」から取り込みます。
        4. **未着請求書の見積計上** — 第3営業日を過ぎても届いていない請求書のうち、金額が10万円以上のものは、発注書や納品書をもとに未払費用として見積計上します。計上した一覧は「未着請求書管理表」（共有フォルダ）に記録し、翌月に実額で洗い替えます。
        5. **給与・社会保険料の仕訳** — 当月25日に支給した給与について、人事部から給与奉行の仕訳データを受け取り、勘定奉行へ取り込みます。会社負担分の社会保険料（法定福利費）は、当月分を未払計上しているかを必ず確認します。
        6. **決算整理仕訳の起票** — 減価償却費、前払費用の振替、賞与引当金の月割計上を起票します。賞与引当金は6月・12月の支給見込額を6か月で按分した額を毎月計上します。
        7. **試算表のチェック** — 第5営業日までに月次試算表を出力し、前月比・前年同月比で20%以上増減している科目について理由を確認します。マイナス残高の科目や、仮払金・仮受金の残高が残っていないかもあわせて確認します。
        8. **部長承認と本締め** — 第6営業日に、試算表・増減分析メモ・未着請求書管理表をセットにして経理部長へ提出し、承認を受けます。承認後、勘定奉行で当月の仕訳入力を締め（入力制限を設定）ます。
        9. **経営会議資料の作成** — 部門別損益表と主要KPIをまとめた「月次業績報告」を作成し、第7営業日の17時までに経営企画室へ送付します。

        ## 例外・注意点

        :::warning
        本締め後に仕訳の修正が必要になった場合は、勘定奉行の入力制限を勝手に解除しないでください。
        :::

        1. 四半期末（6月・9月・12月）は、本締めを第5営業日に前倒しします。
        2. 3月は本決算となるため、「年次決算の手順」に従ってください。
        """;

    // Excerpt of samples/manuals/onboarding-checklist.md: a checklist-type 手順 with bold labels over task lists.
    private const string OnboardingChecklist = """
        ## 手順

        **入社日の1か月前まで**

        - [ ] 労働条件通知書（雇用契約書）を作成し、人事課長の確認を受けてから SmartHR で本人へ送付する（就業場所・業務の「変更の範囲」、契約社員は更新上限の有無も明示する）
        - [ ] SmartHR の入社手続きフォームを本人へ送り、マイナンバー・基礎年金番号の入力を依頼する

        **入社日当日**

        - [x] 本人確認書類とマイナンバーの確認を行う
        - 参考：オリエンテーション資料は共有フォルダにあります

        ### 入社後5日以内

        - [ ] 健康保険・厚生年金保険の資格取得届を e-Gov で提出する

        ## 例外・注意点

        - [ ] この項目は手順ではありません
        """;

    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void RenderSteps_MonthlyClosing_ReturnsNineStepsTitledByBoldLead()
    {
        var steps = _renderer.RenderSteps(MonthlyClosing, CalloutLabels.Japanese);

        Assert.Equal(Enumerable.Range(1, 9), steps.Select(s => s.Number));
        Assert.Equal("預金残高の照合", steps[0].Title);
        Assert.Equal("売上・売掛金の確定", steps[1].Title);
        Assert.Equal("経営会議資料の作成", steps[8].Title);
        Assert.All(steps, s => Assert.Null(s.Group));
        var first = Parse(steps[0].Html);
        // The title is the step page's heading; the text follows without it.
        Assert.Null(first.QuerySelector("p > strong"));
        Assert.StartsWith("翌月第1営業日の午前中に、全口座のネットバンキング明細を取得し", first.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("販売奉行", steps[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_MonthlyClosing_RendersStepsListAsStepCardsWithIds()
    {
        var document = Parse(_renderer.ToHtml(MonthlyClosing));

        var cards = document.QuerySelectorAll("ol.steps > li.step");
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"step-{n}"), cards.Select(li => li.Id));
        Assert.StartsWith("預金残高の照合", cards[0].TextContent, StringComparison.Ordinal);
        // Only the 手順 list becomes cards; the numbered list under 例外・注意点 and the bullets stay as they were.
        var lists = document.QuerySelectorAll("ol");
        Assert.Equal(2, lists.Length);
        Assert.Equal("", lists[1].ClassName ?? "");
        Assert.All(lists[1].Children, li => Assert.Null(li.GetAttribute("id")));
        Assert.False(document.QuerySelector("ul")!.HasAttribute("class"));
        Assert.Equal(9, document.QuerySelectorAll("[id^=step-]").Length);
    }

    [Fact]
    public void RenderSteps_NestedListImageAndCalloutInItem_StayInsideTheirStep()
    {
        const string markdown = """
            ## 手順

            1. **ログイン** — 楽楽精算を開きます。

               ![ログイン画面](/images/login.png)

               - 社員番号を入力します
               - パスワードを入力します

               :::warning
               パスワードを5回間違えるとロックされます。
               :::
            2. **申請** — 「新規申請」を押します。
            """;

        var steps = _renderer.RenderSteps(markdown, new CalloutLabels("Note", "Caution", "Tip"));

        Assert.Equal(2, steps.Count);
        var first = Parse(steps[0].Html);
        Assert.Equal("/images/login.png", first.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(2, first.QuerySelectorAll("ul > li").Length);
        var callout = first.QuerySelector("div.callout.callout-warning")!;
        Assert.Equal("Caution", callout.QuerySelector(".callout-label")!.TextContent);
        Assert.Contains("ロックされます", callout.TextContent, StringComparison.Ordinal);
        Assert.Equal("申請", steps[1].Title);
        Assert.DoesNotContain("callout", steps[1].Html, StringComparison.Ordinal);

        var page = Parse(_renderer.ToHtml(markdown));
        var card = page.QuerySelector("li#step-1.step")!;
        Assert.NotNull(card.QuerySelector("img"));
        Assert.NotNull(card.QuerySelector(".callout-warning"));
        Assert.Empty(page.QuerySelectorAll("ol.steps > li.step li.step"));
    }

    [Fact]
    public void RenderSteps_TightList_WrapsItemTextInParagraph()
    {
        var steps = _renderer.RenderSteps("## 手順\n1. 受付します。\n2. 確認します。", CalloutLabels.Japanese);

        Assert.Equal("<p>受付します。</p>", steps[0].Html.Trim());
    }

    [Theory]
    [InlineData("## 目的\n\n月次の締めです。\n\n## 関連情報\n\n- 「年次決算の手順」")]
    [InlineData("1. 見出しのない番号付きリスト\n2. です")]
    [InlineData("## 目的\n\n1. 手順の見出しより前の番号付きリスト\n\n## 手順\n\n手順は口頭で引き継ぎます。")]
    [InlineData("### 手順\n\n1. 見出しのレベルが3\n")]
    [InlineData("## 手順\n\n- 番号のない箇条書き\n- チェック欄もない")]
    [InlineData("## 手順\n\n:::note\n1. コールアウトの中のリスト\n:::")]
    [InlineData("")]
    public void RenderSteps_NoStepsInStepsSection_ReturnsNone(string markdown)
    {
        Assert.Empty(_renderer.RenderSteps(markdown, CalloutLabels.Japanese));
        var document = Parse(_renderer.ToHtml(markdown));
        Assert.Empty(document.QuerySelectorAll(".steps, .step, [id^=step-]"));
    }

    [Theory]
    [InlineData("## 手順（画面操作）")]
    [InlineData("## 　手順　")]
    [InlineData("## 手順 ##")]
    [InlineData("## **手順**")]
    public void RenderSteps_HeadingStartingWithSteps_IsTheStepsSection(string heading)
    {
        var steps = _renderer.RenderSteps($"{heading}\n\n1. 一つ目です。\n2. 二つ目です。", CalloutLabels.Japanese);

        Assert.Equal(["一つ目です", "二つ目です"], steps.Select(s => s.Title));
    }

    [Fact]
    public void RenderSteps_TwoOrderedListsInSection_TakesTheFirstOnly()
    {
        const string markdown = "## 手順\n\n1. 最初の手順\n2. 次の手順\n\n補足です。\n\n1. 別のリスト\n\n# 付録\n\n1. 範囲外";

        var steps = _renderer.RenderSteps(markdown, CalloutLabels.Japanese);

        Assert.Equal(["最初の手順", "次の手順"], steps.Select(s => s.Title));
        Assert.Single(Parse(_renderer.ToHtml(markdown)).QuerySelectorAll("ol.steps"));
    }

    [Fact]
    public void RenderSteps_NoBoldLead_TitleIsFirstSentenceShortened()
    {
        const string markdown = """
            ## 手順

            1. 郵便物を受け取ります。差出人を確認します。
            2. 総務部のキャビネットから部署ごとの仕分け箱を取り出し、宛名の部署名と担当者名を一通ずつ確認しながら仕分けます
            3. ![仕分け箱](/images/box.png)
            """;

        var steps = _renderer.RenderSteps(markdown, CalloutLabels.Japanese);

        Assert.Equal("郵便物を受け取ります", steps[0].Title);
        Assert.Equal(ManualSteps.TitleMaxLength, steps[1].Title.Length);
        Assert.StartsWith("総務部のキャビネットから", steps[1].Title, StringComparison.Ordinal);
        Assert.EndsWith("…", steps[1].Title, StringComparison.Ordinal);
        Assert.Equal("仕分け箱", steps[2].Title);
    }

    [Fact]
    public void RenderSteps_Checklist_ReturnsTaskItemsWithTheirGroups()
    {
        var steps = _renderer.RenderSteps(OnboardingChecklist, CalloutLabels.Japanese);

        Assert.Equal(4, steps.Count);
        Assert.Equal(
            ["入社日の1か月前まで", "入社日の1か月前まで", "入社日当日", "入社後5日以内"],
            steps.Select(s => s.Group));
        Assert.StartsWith("労働条件通知書（雇用契約書）を作成し", steps[0].Title, StringComparison.Ordinal);
        Assert.EndsWith("…", steps[0].Title, StringComparison.Ordinal);
        Assert.Equal("本人確認書類とマイナンバーの確認を行う", steps[2].Title);
        var box = Parse(steps[2].Html).QuerySelector("input[type=checkbox]")!;
        Assert.True(box.HasAttribute("disabled"));
        Assert.DoesNotContain(steps, s => s.Title.Contains("参考", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.Title.Contains("手順ではありません", StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtml_Checklist_GivesTaskItemsStepIdsButNoCards()
    {
        var document = Parse(_renderer.ToHtml(OnboardingChecklist));

        Assert.Empty(document.QuerySelectorAll("ol.steps"));
        var items = document.QuerySelectorAll("li.step");
        Assert.Equal(["step-1", "step-2", "step-3", "step-4"], items.Select(li => li.Id));
        Assert.All(items, li => Assert.Contains("task-list-item", li.ClassList));
    }

    [Fact]
    public void RenderSteps_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _renderer.RenderSteps(null!, CalloutLabels.Japanese));
        Assert.Throws<ArgumentNullException>(() => _renderer.RenderSteps("", null!));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
