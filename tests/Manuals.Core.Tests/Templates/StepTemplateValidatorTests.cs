using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Templates;

public sealed class StepTemplateValidatorTests
{
    private const string Body = "## 目的\n（目的を書きます）\n\n## 手順\n1. （手順を書きます）\n\n## 関連情報\n";

    [Fact]
    public void Validate_GoodDraft_HasNoErrors()
    {
        Assert.Empty(StepTemplateValidator.Validate(new("経費精算", "説明", Body, ["目的", "手順"])));
    }

    [Theory]
    [InlineData("", "NameRequired")]
    [InlineData("   ", "NameRequired")]
    [InlineData("名前\n二行目", "NameInvalid")]
    public void Validate_BadName_ReportsTheRule(string name, string code)
    {
        var error = Assert.Single(StepTemplateValidator.Validate(new(name, "", Body, [])));

        Assert.Equal(("Name", code), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_NameOf101Characters_IsTooLongButOf100IsFine()
    {
        Assert.Empty(StepTemplateValidator.Validate(new(new string('手', 100), "", Body, [])));
        Assert.Equal("NameTooLong", Assert.Single(StepTemplateValidator.Validate(new(new string('手', 101), "", Body, []))).Code);
    }

    [Fact]
    public void Validate_SkeletonOver50000Characters_IsTooLong()
    {
        var body = "## 手順\n" + new string('あ', TemplateLimits.BodyMaxLength);

        Assert.Equal(("Body", "BodyTooLong"), Single(body, []));
    }

    [Fact]
    public void Validate_SkeletonWithoutLevelTwoHeading_HasNoSections()
    {
        Assert.Equal(("Body", "NoSections"), Single("# 題名\n### 小見出し\n```\n## コードの中\n```\n", []));
    }

    [Fact]
    public void Validate_RequiredSectionNotAHeading_NamesTheSection()
    {
        var error = Assert.Single(StepTemplateValidator.Validate(new("経費精算", "", Body, ["目的", "例外・注意点"])));

        Assert.Equal(new TemplateError("RequiredSections", "RequiredSectionUnknown", "例外・注意点"), error);
    }

    [Fact]
    public void Validate_RequiredSectionInOtherWidth_MatchesTheHeading()
    {
        Assert.Empty(StepTemplateValidator.Validate(new("経費精算", "", "## ノウハウ（コツ）\n", ["ノウハウ(コツ)"])));
    }

    [Fact]
    public void Validate_DuplicateHeading_IsRefused()
    {
        Assert.Equal(new TemplateError("Body", "DuplicateSection", "手順"), Assert.Single(StepTemplateValidator.Validate(new("x", "", "## 手順\n## 手順 \n", []))));
    }

    [Fact]
    public void Normalize_RequiredSections_SpelledAsHeadingsInSkeletonOrderOnce()
    {
        var draft = StepTemplateValidator.Normalize(new("  経費精算 ", " 説明 ", "## 目的\r\n## ノウハウ（コツ）\r\n## 手順\r\n", ["手順", "ノウハウ(コツ)", "手順", "目的"]));

        Assert.Equal("経費精算", draft.Name);
        Assert.Equal("説明", draft.Description);
        Assert.DoesNotContain('\r', draft.Body);
        Assert.Equal(["目的", "ノウハウ（コツ）", "手順"], draft.RequiredSections);
    }

    private static (string Field, string Code) Single(string body, IReadOnlyList<string> required)
    {
        var error = Assert.Single(StepTemplateValidator.Validate(new("名前", "", body, required)));
        return (error.Field, error.Code);
    }
}
