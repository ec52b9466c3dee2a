using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Manuals.Core.Images;
using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

public sealed class MarkdownRendererTests
{
    // Elements that can run script or pull in active content; none may ever appear in rendered output.
    private static readonly string[] ForbiddenElements = ["script", "iframe", "svg", "object", "embed", "style"];

    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](< JAVASCRIPT:alert(1)>)")]
    [InlineData("[x](java\u0000script:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](data:image/png;base64,AAAA)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![x](https://evil.example/a.png)")]
    [InlineData("![x](//evil.example/a.png)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](//evil.example/)")]
    [InlineData("[x](/\\evil.example/)")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=https://evil.example>")]
    [InlineData("<object data=x></object><embed src=x><style>body{}</style>")]
    [InlineData(":::note onclick=alert(1)\n本文\n:::")]
    [InlineData(":::\"><script>alert(1)</script>\n本文\n:::")]
    [InlineData("[x](/a \"\\\" onmouseover=alert(1) x=\\\"\")")]
    [InlineData("# 見出し\" onmouseover=\"alert(1)")]
    [InlineData("# 見出し {onclick=alert(1)}")]
    [InlineData("```js\" onmouseover=\"alert(1)\ncode\n```")]
    [InlineData("ftp://evil.example/x")]
    public void ToHtml_MaliciousInput_ProducesNoActiveContent(string markdown)
    {
        AssertInert(Parse(_renderer.ToHtml(markdown)));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("**<img src=x onerror=alert(1)>** — 手順です。")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](https://evil.example/a.png)")]
    [InlineData("[x][r]\n\n   [r]: javascript:alert(1)")]
    [InlineData("手順です。\n\n   :::\"><script>alert(1)</script>\n   本文\n   :::")]
    [InlineData("手順です。\n\n   - <iframe src=https://evil.example>\n   - [y](vbscript:msgbox(1))")]
    public void RenderSteps_MaliciousStep_ProducesNoActiveContent(string step)
    {
        var steps = _renderer.RenderSteps($"## 手順\n\n1. {step}\n2. 次の手順です。", CalloutLabels.Japanese);

        Assert.Equal(2, steps.Count);
        var document = Parse(steps[0].Html);
        Assert.False(string.IsNullOrWhiteSpace(document.Body!.TextContent), "The hostile step rendered as nothing.");
        AssertInert(document);
    }

    [Fact]
    public void RenderSteps_StepsWithBoldTitles_GiveTheTitleApartAndTheTextWithoutIt()
    {
        var steps = _renderer.RenderSteps(
            "## 手順\n\n1. **開く** — 画面を**すぐに**開きます。\n2. **閉じる**\n   保存してから閉じます。\n3. **確認する**\n\n   :::tip\n   月初は混みます。\n   :::\n4. 一文目が題になります。続きです。",
            CalloutLabels.Japanese);

        Assert.Equal(["開く", "閉じる", "確認する", "一文目が題になります"], steps.Select(s => s.Title));
        Assert.Equal("画面を<strong>すぐに</strong>開きます。", Parse(steps[0].Html).QuerySelector("p")!.InnerHtml);
        Assert.Equal("保存してから閉じます。", Parse(steps[1].Html).Body!.TextContent.Trim());
        Assert.Empty(Parse(steps[2].Html).QuerySelectorAll("p:empty"));
        Assert.Contains("月初は混みます。", Parse(steps[2].Html).QuerySelector(".callout-tip")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("一文目が題になります。続きです。", steps[3].Html, StringComparison.Ordinal);
    }

    private static void AssertInert(IHtmlDocument document)
    {
        foreach (var name in ForbiddenElements)
        {
            Assert.Empty(document.GetElementsByTagName(name));
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(
                    attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"Event handler attribute {attribute.Name} on <{element.LocalName}>.");

                if (attribute.Name is "href" or "src")
                {
                    Assert.True(IsSafeUrl(attribute.Value), $"Unsafe {attribute.Name}=\"{attribute.Value}\".");
                }
            }
        }

        foreach (var image in document.Images)
        {
            var source = image.GetAttribute("src") ?? string.Empty;
            Assert.True(
                source.StartsWith('/') && !source.StartsWith("//", StringComparison.Ordinal),
                $"Image source \"{source}\" is not site-relative.");
        }
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](//evil.example/)")]
    public void ToHtml_UnsafeLinkUrl_KeepsTextAndPointsToHash(string markdown)
    {
        var document = Parse(_renderer.ToHtml(markdown));

        var link = Assert.Single(document.Links);
        Assert.Equal("#", link.GetAttribute("href"));
        Assert.Equal("x", link.TextContent);
    }

    [Theory]
    [InlineData("![x](data:image/png;base64,AAAA)")]
    [InlineData("![x](https://evil.example/a.png)")]
    [InlineData("![x](//evil.example/a.png)")]
    public void ToHtml_OffSiteImage_RendersAltTextOnly(string markdown)
    {
        var document = Parse(_renderer.ToHtml(markdown));

        Assert.Empty(document.Images);
        Assert.Equal("x", document.Body!.TextContent.Trim());
    }

    [Fact]
    public void ToHtml_RawHtml_IsShownAsText()
    {
        var document = Parse(_renderer.ToHtml("<script>alert(1)</script>"));

        Assert.Equal("<script>alert(1)</script>", document.Body!.TextContent.Trim());
    }

    [Fact]
    public void ToHtml_SiteRelativeImage_RendersImg()
    {
        var document = Parse(_renderer.ToHtml("![手順図](/images/abc)"));

        var image = Assert.Single(document.Images);
        Assert.Equal("/images/abc", image.GetAttribute("src"));
        Assert.Equal("手順図", image.GetAttribute("alt"));
    }

    [Fact]
    public void ToHtml_StoredScreenshot_HasItsSizeAndOffersItsStoredWidthsAtTheirTrueWidths()
    {
        var sha = new string('c', 64);
        var pictures = new Dictionary<string, PictureSize> { [sha] = new(1600, 900, [480, 960]) };

        var image = Assert.Single(Parse(_renderer.ToHtml($"![手順図](/images/{sha})", CalloutLabels.Japanese, pictures)).Images);

        Assert.Equal($"/images/{sha}", image.GetAttribute("src"));
        Assert.Equal("1600", image.GetAttribute("width"));
        Assert.Equal("900", image.GetAttribute("height"));
        Assert.Equal($"/images/{sha}?w=480 480w, /images/{sha}?w=960 960w, /images/{sha} 1600w", image.GetAttribute("srcset"));
        Assert.Equal("(max-width: 52rem) 100vw, 52rem", image.GetAttribute("sizes"));
    }

    [Fact]
    public void ToHtml_StoredScreenshotWithoutSmallerWidths_HasItsSizeButNoSourceSet()
    {
        var small = new string('d', 64);
        var old = new string('e', 64);
        var pictures = new Dictionary<string, PictureSize> { [small] = new(400, 300, []), [old] = new(1920, 1080, []) };

        var images = Parse(_renderer.ToHtml($"![小](/images/{small})\n\n![旧](/images/{old})", CalloutLabels.Japanese, pictures)).Images;

        Assert.Equal(["400", "1920"], images.Select(i => i.GetAttribute("width")));
        Assert.All(images, i => Assert.Null(i.GetAttribute("srcset")));
    }

    [Fact]
    public void RenderSteps_StoredScreenshotInAStep_HasItsSizeAndSourceSet()
    {
        var sha = new string('c', 64);
        var pictures = new Dictionary<string, PictureSize> { [sha] = new(1200, 800, [480, 960]) };

        var step = Assert.Single(_renderer.RenderSteps($"## 手順\n\n1. **開く**\n\n   ![画面](/images/{sha})\n", CalloutLabels.Japanese, pictures));

        var image = Assert.Single(Parse(step.Html).Images);
        Assert.Equal("1200", image.GetAttribute("width"));
        Assert.EndsWith($"/images/{sha} 1200w", image.GetAttribute("srcset"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/images/abc")]
    [InlineData("/static/logo.png")]
    [InlineData("/images/cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc?w=480")]
    public void ToHtml_OtherSiteImage_HasNoSizeOrSourceSet(string url)
    {
        var pictures = new Dictionary<string, PictureSize> { [new string('c', 64)] = new(1600, 900, [480, 960]) };

        var image = Assert.Single(Parse(_renderer.ToHtml($"![図]({url})", CalloutLabels.Japanese, pictures)).Images);

        Assert.Null(image.GetAttribute("srcset"));
        Assert.Null(image.GetAttribute("width"));
    }

    [Fact]
    public void ToHtml_SizesNotGiven_PictureHasNoSizeOrSourceSet() =>
        Assert.Null(Assert.Single(Parse(_renderer.ToHtml($"![図](/images/{new string('c', 64)})")).Images).GetAttribute("srcset"));

    [Fact]
    public void ToHtml_HttpsLink_KeepsHrefAndAddsNoopener()
    {
        var document = Parse(_renderer.ToHtml("[公式サイト](https://example.com/guide?a=1)"));

        var link = Assert.Single(document.Links);
        Assert.Equal("https://example.com/guide?a=1", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("公式サイト", link.TextContent);
    }

    [Theory]
    [InlineData("https://example.com/x")]
    [InlineData("<https://example.com/x>")]
    public void ToHtml_ExternalAutolink_KeepsHrefAndAddsNoopener(string markdown)
    {
        var document = Parse(_renderer.ToHtml(markdown));

        var link = Assert.Single(document.Links);
        Assert.Equal("https://example.com/x", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[x](/manuals/12)", "/manuals/12")]
    [InlineData("[x](#手順)", "#手順")]
    [InlineData("[x](?page=2)", "?page=2")]
    [InlineData("[x](other-page)", "other-page")]
    [InlineData("[x](mailto:help@example.com)", "mailto:help@example.com")]
    public void ToHtml_RelativeOrMailtoLink_KeepsHrefWithoutRel(string markdown, string expectedHref)
    {
        var document = Parse(_renderer.ToHtml(markdown));

        var link = Assert.Single(document.Links);
        Assert.Equal(expectedHref, Uri.UnescapeDataString(link.GetAttribute("href") ?? string.Empty));
        Assert.Null(link.GetAttribute("rel"));
    }

    [Fact]
    public void ToHtml_TaskList_RendersDisabledCheckboxes()
    {
        var document = Parse(_renderer.ToHtml("- [ ] 申請書を確認\n- [x] 承認を依頼"));

        var boxes = document.QuerySelectorAll("input").OfType<IHtmlInputElement>().ToList();
        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, box =>
        {
            Assert.Equal("checkbox", box.Type);
            Assert.True(box.IsDisabled);
        });
        Assert.False(boxes[0].IsChecked);
        Assert.True(boxes[1].IsChecked);
    }

    [Fact]
    public void ToHtml_PipeTable_RendersTable()
    {
        var document = Parse(_renderer.ToHtml("| 項目 | 期限 |\n|---|---|\n| 請求書 | 第3営業日 |"));

        var table = Assert.Single(document.GetElementsByTagName("table"));
        Assert.Equal(2, table.QuerySelectorAll("th").Length);
        Assert.Collection(
            table.QuerySelectorAll("td"),
            cell => Assert.Equal("請求書", cell.TextContent),
            cell => Assert.Equal("第3営業日", cell.TextContent));
    }

    [Theory]
    [InlineData("note", "callout-note", "メモ")]
    [InlineData("warning", "callout-warning", "注意")]
    [InlineData("tip", "callout-tip", "ポイント")]
    public void ToHtml_KnownCallout_RendersClassRoleAndLabel(string name, string expectedClass, string expectedLabel)
    {
        var document = Parse(_renderer.ToHtml($":::{name}\n本文です。\n:::"));

        var callout = Assert.Single(document.QuerySelectorAll("div"));
        Assert.Equal($"callout {expectedClass}", callout.ClassName);
        Assert.Equal("note", callout.GetAttribute("role"));
        var label = callout.FirstElementChild!;
        Assert.Equal("p", label.LocalName);
        Assert.Equal("callout-label", label.ClassName);
        Assert.Equal(expectedLabel, label.TextContent);
        Assert.Equal("本文です。", label.NextElementSibling!.TextContent);
    }

    [Theory]
    [InlineData(":::spoiler\n本文\n:::")]
    [InlineData(":::\"><script>alert(1)</script>\n本文\n:::")]
    [InlineData(":::note\" onclick=\"alert(1)\n本文\n:::")]
    public void ToHtml_UnknownCallout_RendersPlainCallout(string markdown)
    {
        var document = Parse(_renderer.ToHtml(markdown));

        var callout = Assert.Single(document.QuerySelectorAll("div"));
        Assert.Equal("callout", callout.ClassName);
        Assert.Single(callout.Attributes);
        Assert.Empty(callout.QuerySelectorAll(".callout-label"));
    }

    [Fact]
    public void ToHtml_JapaneseHeading_GetsJapaneseId()
    {
        var document = Parse(_renderer.ToHtml("## 月次締めの手順"));

        var heading = Assert.Single(document.GetElementsByTagName("h2"));
        Assert.Equal("月次締めの手順", heading.Id);
    }

    [Fact]
    public void ToHtml_NumberedList_RendersOrderedList()
    {
        var document = Parse(_renderer.ToHtml("1. 受付\n2. 確認\n3. 承認"));

        var list = Assert.Single(document.GetElementsByTagName("ol"));
        Assert.Equal(3, list.Children.Length);
    }

    [Fact]
    public void ToHtml_EmphasisExtras_RendersStrikethroughAndMark()
    {
        var document = Parse(_renderer.ToHtml("~~旧手順~~ ==重要=="));

        Assert.Equal("旧手順", Assert.Single(document.GetElementsByTagName("del")).TextContent);
        Assert.Equal("重要", Assert.Single(document.GetElementsByTagName("mark")).TextContent);
    }

    [Fact]
    public void ToHtml_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _renderer.ToHtml(null!));
    }

    [Fact]
    public void ToSnippetText_Markdown_PutsEachBlockOnItsOwnLineWithoutSyntax()
    {
        var text = _renderer.ToSnippetText(
            "# 目的\n\n**太字**と[リンク](https://example.com)\n\n## 手順\n\n1. 販売奉行を開く\n2. 請求書を**発行**する\n\n- [ ] 送付した\n- [x] 控えを保存\n\n:::note\n本文\n:::\n");

        Assert.Equal("目的\n太字とリンク\n手順\n販売奉行を開く\n請求書を発行する\n送付した\n控えを保存\n本文", text);
    }

    [Fact]
    public void ToPlainText_Markdown_ReturnsTextWithoutMarkup()
    {
        var text = _renderer.ToPlainText("# 見出し\n\n**太字**と[リンク](https://example.com)\n\n:::note\n本文\n:::\n");

        Assert.Equal("見出し\n太字とリンク\n本文", text.Trim().ReplaceLineEndings("\n"));
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>
    /// Independent of the renderer's own check: a URL is safe when it has no scheme (and is not
    /// protocol-relative) or its scheme is http, https or mailto.
    /// </summary>
    private static bool IsSafeUrl(string url)
    {
        var normalized = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray())
            .Replace('\\', '/');
        if (normalized.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        var end = normalized.IndexOfAny([':', '/', '?', '#']);
        if (end < 0 || normalized[end] != ':')
        {
            return true;
        }

        var scheme = normalized[..end];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_CalloutLabelsGiven_UsesThemEscaped()
    {
        var html = new MarkdownRenderer().ToHtml(":::warning\n本文\n:::", new CalloutLabels("Note", "<Caution>", "Tip"));

        Assert.Contains("<p class=\"callout-label\">&lt;Caution&gt;</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("注意", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> SearchTexts => new()
    {
        "",
        "# 見出し\n\n本文です。\n\n## 手順\n\n1. **請求書**を開きます。\n2. [リンク](https://example.com) を押します。\n",
        ":::warning\n注意点\n:::\n\n| 項目 | 値 |\n|---|---|\n| A | B |\n\n- [ ] 確認\n",
        "<script>alert(1)</script>\n\n### 見出し *強調*\n",
        new string('>', 2_000) + " 深すぎる引用",
        string.Concat(Enumerable.Repeat("[", 5_000)) + "リンク" + string.Concat(Enumerable.Repeat("](x)", 5_000)),
    };

    [Theory]
    [MemberData(nameof(SearchTexts))]
    public void ToSearchText_AnyText_SameAsPlainTextAndHeadingsApart(string markdown)
    {
        var renderer = new MarkdownRenderer();

        var (plainText, headings) = renderer.ToSearchText(markdown);

        Assert.Equal(renderer.ToPlainText(markdown), plainText);
        Assert.Equal(renderer.ToHeadings(markdown), headings);
    }
}
