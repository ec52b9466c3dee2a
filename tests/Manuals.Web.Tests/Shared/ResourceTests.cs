using System.Text.RegularExpressions;
using System.Xml.Linq;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Shared;

/// <summary>Japanese and English must be complete: the same keys in both, and every key the code uses present.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebRoot = Path.Combine(ManualsAppFactory.RepositoryRoot, "src", "Manuals.Web");

    [Fact]
    public void Resources_JapaneseAndEnglish_HaveSameKeys()
    {
        var ja = Keys("ja");
        var en = Keys("en");

        Assert.Empty(ja.Except(en));
        Assert.Empty(en.Except(ja));
    }

    [Fact]
    public void Resources_EveryLiteralKeyUsedInCode_Exists()
    {
        var ja = Keys("ja");
        var used = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !ja.Contains(k)).Order());
    }

    [Fact]
    public void Resources_EnglishValues_ContainNoJapaneseExceptNames()
    {
        var document = XDocument.Load(Path.Combine(WebRoot, "Shared", "Resources", "SharedResource.en.resx"));
        var allowed = new[] { "Import.StatusUnknown", "Import.VisibilityUnknown" };
        var japanese = document.Root!.Elements("data")
            .Where(d => !allowed.Contains((string)d.Attribute("name")!))
            .Where(d => Kana().IsMatch(d.Element("value")!.Value))
            .Select(d => (string)d.Attribute("name")!)
            .ToList();

        Assert.Empty(japanese);
    }

    private static HashSet<string> Keys(string culture) =>
        XDocument.Load(Path.Combine(WebRoot, "Shared", "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [GeneratedRegex(@"\b[lL]\[""(?<key>[A-Za-z0-9.]+)""|ErrorMessage = ""(?<key>[A-Za-z0-9.]+)""|Display\(Name = ""(?<key>[A-Za-z0-9.]+)""")]
    private static partial Regex UsedKey();

    [GeneratedRegex(@"[\u3040-\u30FF]")]
    private static partial Regex Kana();
}
