using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;

namespace Manuals.Benchmarks;

/// <summary>One benchmark query: what is typed, by whom, with which filters.</summary>
internal sealed record BenchQuery(string Category, bool AsAdmin, SearchRequest Request);

/// <summary>The fixed, seeded mix of queries: every kind of search the page supports, as a Reader and as an Admin.</summary>
internal static class QueryMix
{
    private static readonly (string Category, string[] Texts)[] Kinds =
    [
        ("single", ["経費精算", "決算", "請求書", "年末調整", "サーバー", "勘定奉行", "入社", "押印", "Excel", "PDF", "契約書", "社会保険", "バックアップ", "申込"]),
        ("and2", ["経理 請求書", "人事 入社", "PDF 出力", "総務 備品", "給与 振込", "契約書 押印", "Excel 仕訳"]),
        ("phrase", ["\"月次決算\"", "\"請求書を発行\"", "\"アカウント発行\"", "\"部長の承認\"", "\"CSV形式\""]),
        ("or", ["経費 OR 立替", "契約書 OR 押印", "サーバ OR ネットワーク", "年末調整 OR 源泉徴収票"]),
        ("exclude", ["決算 -月次", "請求書 -郵送", "入社 -退職", "PDF -Excel"]),
        ("filter", ["請求書", "決算", "申請", "マニュアル"]),
        ("one-char", ["経", "税", "印", "表"]),
        ("synonym", ["年調", "パソコン", "立替精算", "pc"]),
        ("no-hit", ["ズワイガニ", "量子暗号通信", "xyzzyqux", "宇宙旅行の申請"]),
    ];

    /// <summary>The viewer a Reader query runs as: two of the seven departments, so the permission filter matters.</summary>
    public static Viewer Reader { get; } = new(1_000_001, new HashSet<string>([Roles.Reader]), new HashSet<long>([1, 2]));

    public static Viewer Admin { get; } = new(1_000_002, new HashSet<string>([Roles.Admin]), new HashSet<long>());

    public static IReadOnlyList<BenchQuery> Create(int count, int seed, IReadOnlyList<long> departmentIds)
    {
        var random = new Random(seed);
        var queries = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var (category, texts) = Kinds[random.Next(Kinds.Length)];
            var text = texts[random.Next(texts.Length)];
            var filters = category == "filter" ? Filter(random, departmentIds) : SearchFilters.None;
            var sort = random.Next(5) == 0 ? SearchSort.Updated : SearchSort.Relevance;
            var page = random.Next(10) == 0 ? 2 : 1;
            queries.Add(new BenchQuery(category, random.Next(2) == 0, new SearchRequest(text, filters, sort, page)));
        }

        return queries;
    }

    private static SearchFilters Filter(Random random, IReadOnlyList<long> departmentIds) => random.Next(5) switch
    {
        0 => new SearchFilters(DepartmentId: departmentIds[random.Next(departmentIds.Count)]),
        1 => new SearchFilters(Tag: ManualGenerator.AllTags[random.Next(ManualGenerator.AllTags.Count)]),
        2 => new SearchFilters(Template: ManualGenerator.AllTemplates[random.Next(ManualGenerator.AllTemplates.Count)]),
        3 => new SearchFilters(Status: ManualStatus.Published),
        _ => new SearchFilters(UpdatedFrom: new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)),
    };
}
