using System.Text.RegularExpressions;
using System.Xml.Linq;
using Manuals.Core.Coverage;
using Manuals.Core.Coverage.Csv;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>Coverage builds resource keys from Core's codes; every code Core can produce must have its text in both languages.</summary>
public sealed partial class CoverageResourceTests
{
    private static readonly string Root = ManualsAppFactory.RepositoryRoot;

    public static TheoryData<string> Cultures => new() { "ja", "en" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Resources_EveryCoverageCode_HasText(string culture)
    {
        var keys = Keys(culture);
        var expected = new List<string>();
        expected.AddRange(Enum.GetValues<CoverageRisk>().SelectMany(r => new[] { $"Coverage.Risk.{r}", $"Coverage.Risk.{r}.Rule" }));
        expected.AddRange(Enum.GetNames<CoverageVerdict>().Select(v => $"Coverage.Verdict.{v}"));
        expected.AddRange(Enum.GetNames<ManualAction>().SelectMany(m => Enum.GetNames<PeopleAction>().Select(p => $"Coverage.Fix.{m}.{p}")));
        expected.AddRange(Enum.GetNames<ManualUsability>().Select(u => $"Coverage.Usability.{u}"));
        expected.AddRange(Enum.GetNames<TaskFrequency>().Select(f => $"Coverage.Frequency.{f}"));
        expected.AddRange(Enum.GetNames<TaskCriticality>().SelectMany(c => new[] { $"Coverage.Criticality.{c}", $"Coverage.Criticality.{c}.Help" }));
        expected.AddRange(Enum.GetNames<EmployeeStatus>().Select(s => $"Coverage.Status.{s}"));
        expected.AddRange(Enum.GetValues<SkillLevel>().Select(l => $"Coverage.Level.{(int)l}"));
        expected.AddRange(Enum.GetNames<AssignmentRole>().Select(r => $"Coverage.Role.{r}"));
        expected.AddRange(Enum.GetNames<CoverageCsvKind>().Select(k => $"Coverage.Csv.Kind.{k}"));

        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Resources_EveryCsvAndValidationCodeInCore_HasText(string culture)
    {
        var keys = Keys(culture);
        var folder = Path.Combine(Root, "src", "Manuals.Core", "Coverage");
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        var csvCodes = sources
            .SelectMany(s => s.Split('\n'))
            .Where(line => line.Contains("rowErrors.Add(", StringComparison.Ordinal)
                || line.Contains("CsvRowError(", StringComparison.Ordinal)
                || line.Contains("return (null, \"\", \"", StringComparison.Ordinal))
            .SelectMany(line => CodeLiteral().Matches(line).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        var validationCodes = sources.SelectMany(s => ValidationCode().Matches(s).Select(m => m.Groups["code"].Value)).ToHashSet();

        Assert.True(csvCodes.Count >= 20, $"only {csvCodes.Count} CSV codes found; has the pattern changed?");
        Assert.True(validationCodes.Count >= 10, $"only {validationCodes.Count} validation codes found; has the pattern changed?");
        Assert.Empty(csvCodes.Select(c => "Coverage.Csv.Error." + c).Where(k => !keys.Contains(k)).Order());
        Assert.Empty(validationCodes.Select(c => "Coverage.Validation." + c).Where(k => !keys.Contains(k)).Order());
    }

    private static HashSet<string> Keys(string culture) =>
        XDocument.Load(Path.Combine(Root, "src", "Manuals.Web", "Shared", "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    // The codes on lines that report a row or file problem: rowErrors.Add(column, "Code"…), x ? "Required" : "Code", new CsvRowError(…, "Code").
    [GeneratedRegex(@"""(?<code>[A-Z][A-Za-z]+)""")]
    private static partial Regex CodeLiteral();

    // new(nameof(x.Field), "Code") and new(nameof(Field), "Code") in the validator and the services
    [GeneratedRegex(@"new(?:\s*ValidationError)?\(nameof\([A-Za-z.]+\),\s*""(?<code>[A-Za-z]+)""\)")]
    private static partial Regex ValidationCode();
}
