using Manuals.Core.Accounts;
using Manuals.Core.Search;
using Manuals.Data.Tests.Infrastructure;

namespace Manuals.Data.Tests.Search;

/// <summary>The labelled relevance suite on the samples.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchRelevanceTests(SampleLibrary library) : SearchRelevanceSuite(library), IClassFixture<SampleLibrary>;

/// <summary>
/// The labelled relevance suite over the samples (issue #4's acceptance): each expectation holds on both engines, and
/// both engines return the same manuals in the same order.
/// </summary>
public abstract class SearchRelevanceSuite(SampleLibrary library)
{
    private const string MonthlyClosing = "月次決算の手順";
    private const string Payroll = "給与計算の手順";

    /// <summary>A Reader of 経理・財務 only: may not read 給与計算の手順 (部署限定, 人事・労務).</summary>
    private static readonly Viewer AccountingReader = new(900, new HashSet<string> { Roles.Reader }, new HashSet<long> { 1 });

    private static readonly Viewer PersonnelReader = new(901, new HashSet<string> { Roles.Reader }, new HashSet<long> { 2 });

    public static TheoryData<SqlEngine, string> PcSpellings => new()
    {
        { SqlEngine.Sqlite, "ＰＣ" }, { SqlEngine.Sqlite, "pc" }, { SqlEngine.Postgres, "ＰＣ" }, { SqlEngine.Postgres, "pc" },
    };

    public static TheoryData<string> LabelledQueries => new()
    {
        "決算", "年調", "ＰＣ", "pc", "サーバー", "経理", "申込", "給与", "経", "月次決算 -年次", "請求書 OR 見積書", "\"経理部長\"",
    };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_Kessan_RanksMonthlyClosingFirst(SqlEngine engine)
    {
        var results = await SearchAsync(engine, "決算");

        Assert.Equal(MonthlyClosing, results.Hits[0].Manual.Title);
        Assert.True(results.Hits[0].Title.HasMatch);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_Nencho_FindsYearEndAdjustmentThroughTheSynonym(SqlEngine engine)
    {
        var results = await SearchAsync(engine, "年調");

        Assert.Equal("年末調整の手順", results.Hits[0].Manual.Title);
        Assert.Contains(results.Hits[0].Snippet.Segments, s => s.IsMatch && s.Text == "年末調整");
    }

    [Theory]
    [MemberData(nameof(PcSpellings))]
    public async Task Search_PcInAnyWidth_FindsPcProvisioning(SqlEngine engine, string text)
    {
        var results = await SearchAsync(engine, text);

        Assert.Equal("アカウント発行とPC貸与の手順", results.Hits[0].Manual.Title);
        Assert.Contains(results.Hits[0].Title.Segments, s => s.IsMatch && s.Text == "PC");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_ServerWithLongVowel_FindsTheManualThatSaysServerWithout(SqlEngine engine)
    {
        var results = await SearchAsync(engine, "サーバー");

        Assert.Equal("サーバ障害の一次対応手順", results.Hits[0].Manual.Title);
        Assert.Contains(results.Hits[0].Title.Segments, s => s.IsMatch && s.Text == "サーバ");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_Keiri_FindsEveryReadableManualWithKeiribuMidSentence(SqlEngine engine)
    {
        var expected = SampleTitlesContaining("経理部").Where(t => t != Payroll && t != "反社会的勢力チェックの手順").ToList();
        Assert.True(expected.Count >= 10, $"{expected.Count} samples mention 経理部");

        var results = await SearchAsync(engine, "経理");

        var found = results.Hits.Select(h => h.Manual.Title).ToList();
        Assert.Empty(expected.Except(found));
        Assert.All(results.Hits, h => Assert.True(h.Title.HasMatch || h.Snippet.HasMatch, h.Manual.Title));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_MoushikomiWithoutOkurigana_FindsTextWrittenWithIt(SqlEngine engine)
    {
        var results = await SearchAsync(engine, "申込");

        var hit = Assert.Single(results.Hits, h => h.Manual.Title == "備品・消耗品の発注手順");
        Assert.Contains(hit.Snippet.Segments, s => s.IsMatch && s.Text == "申し込");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_RestrictedManual_AbsentForReaderOutsideItsDepartmentAlsoFromCounts(SqlEngine engine)
    {
        var outsider = await SearchAsync(engine, "給与計算", AccountingReader);
        var member = await SearchAsync(engine, "給与計算", PersonnelReader);

        Assert.DoesNotContain(outsider.Hits, h => h.Manual.Title == Payroll);
        Assert.Contains(member.Hits, h => h.Manual.Title == Payroll);
        Assert.Equal(outsider.Hits.Count, outsider.Total);
        Assert.Equal(member.Total - 1, outsider.Total);
    }

    /// <summary>
    /// The engines score with different formulas (FTS5 bm25, PostgreSQL ts_rank), so manuals with close scores may
    /// swap places; which manuals match, how many, and the best match are the same.
    /// </summary>
    [Fact]
    public async Task Search_LabelledQueries_BothEnginesFindTheSameManualsWithTheSameBestMatch()
    {
        foreach (var text in LabelledQueries)
        {
            var sqlite = await SearchAsync(SqlEngine.Sqlite, text);
            var postgres = await SearchAsync(SqlEngine.Postgres, text);

            Assert.True(sqlite.Total > 0, text);
            Assert.Equal(sqlite.Total, postgres.Total);
            Assert.Equal(Titles(sqlite).Order(StringComparer.Ordinal), Titles(postgres).Order(StringComparer.Ordinal));
            Assert.True(Titles(sqlite)[0] == Titles(postgres)[0], $"{text}: {string.Join(", ", Titles(sqlite))} / {string.Join(", ", Titles(postgres))}");
        }
    }

    /// <summary>Engine syntax typed by a user: none may throw, and each finds what its plain words find.</summary>
    public static TheoryData<SqlEngine, string> HostileQueries
    {
        get
        {
            string[] queries =
            [
                "\"", "\"\"", "\"決算", "決算\"", "(", ")", "(決算", "決算)", "NEAR(", "NEAR(決算 月次)", "NEAR(決算, 2)", "*", "決算*", "*決算",
                ":", "決算:", ":決算", "title:決算", "body:決算", "{title body}:決算", "^", "^決算", "決算^2", "AND", "OR", "NOT",
                "決算 AND", "AND 決算", "NOT 決算", "決算 NOT", "- 決算", "--決算", "'", "'決算'", "''; DROP TABLE manuals; --",
                "\\", "決算\\", "&", "|", "!", "!決算", "決算 & 月次", "決算 | 月次", "<->", "決算 <-> 月次", ":*", "決算:*", "'決算':*A",
                "決算\u0000", "\u0001決\u001F算\u007F", "\uD800決算", "決算\uDC00", "\uDFFF\uD800", "\u200B決算\uFEFF",
                new string('決', 10_000), string.Concat(Enumerable.Repeat("決算 \"NEAR( * ^ : -", 700)),
            ];
            var data = new TheoryData<SqlEngine, string>();
            foreach (var engine in new[] { SqlEngine.Sqlite, SqlEngine.Postgres })
            {
                foreach (var query in queries)
                {
                    data.Add(engine, query);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_EngineSyntax_IsPlainTextOnBothEngines(SqlEngine engine, string text)
    {
        var letters = string.Concat(SearchQueryParser.Parse(text, []).Text.Where(char.IsLetterOrDigit));

        var results = await SearchAsync(engine, text);
        var plain = await SearchAsync(engine, letters);

        Assert.True(results.Hits.Count <= results.Total);
        Assert.DoesNotContain(results.Hits, h => h.Manual.Title == Payroll);
        if (letters == "決算" && !text.Contains('-', StringComparison.Ordinal))
        {
            // The symbols around the word are ignored, not obeyed and not an error.
            Assert.Contains(results.Hits, h => h.Manual.Title == MonthlyClosing);
        }

        if (!text.Contains(' ', StringComparison.Ordinal) && !text.Contains('-', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal))
        {
            // One word of symbols and letters finds exactly what its letters alone find.
            Assert.Equal(plain.Total, results.Total);
        }
    }

    private static List<string> Titles(SearchResults results) => results.Hits.Select(h => h.Manual.Title).ToList();

    /// <summary>Titles of the published samples that contain <paramref name="text"/> (a Reader never sees 下書き).</summary>
    private static IEnumerable<string> SampleTitlesContaining(string text) =>
        Directory.EnumerateFiles(SampleLibrary.SamplesPath, "*.md")
            .Select(File.ReadAllText)
            .Where(content => content.Contains(text, StringComparison.Ordinal) && !content.Contains("\nstatus: 下書き", StringComparison.Ordinal))
            .Select(content => content.Split('\n').First(l => l.StartsWith("title: ", StringComparison.Ordinal))["title: ".Length..].Trim());

    private Task<SearchResults> SearchAsync(SqlEngine engine, string text, Viewer? viewer = null) =>
        library.Search(engine).SearchAsync(
            viewer ?? AccountingReader,
            new SearchRequest(text, SearchFilters.None, SearchSort.Relevance, 1),
            library.Database(engine).CancellationToken);
}
