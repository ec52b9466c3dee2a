using System.Globalization;
using System.Text;
using Manuals.Core.Manuals;

namespace Manuals.Benchmarks;

/// <summary>
/// Makes realistic Japanese back-office manuals, deterministically: manual <c>i</c> of seed <c>s</c> is always the
/// same text, whatever order or thread it is made on. Bodies (1–4 KB of UTF-8) mix sentences taken from
/// samples/manuals with sentences built from a vocabulary of departments, systems, nouns and verbs, katakana words
/// with ー, numbers and Latin words (PDF, Excel…).
/// </summary>
internal sealed class ManualGenerator
{
    private static readonly string[] Departments = ["経理部", "人事部", "総務部", "法務部", "情報システム部", "広報部", "営業事務課", "財務課", "労務課"];

    private static readonly string[] Systems =
    [
        "勘定奉行クラウド", "給与奉行クラウド", "販売奉行クラウド", "楽楽精算", "SmartHR", "freee会計", "マネーフォワード",
        "Microsoft 365", "Teams", "Outlook", "Excel", "Box", "Slack", "クラウドサイン", "電子帳簿システム", "ワークフロー",
        "e-Tax", "eLTAX", "ネットバンキング", "基幹システム",
    ];

    private static readonly string[] Nouns =
    [
        "請求書", "見積書", "納品書", "領収書", "経費精算", "立替精算", "月次決算", "年次決算", "年末調整", "源泉徴収票",
        "給与明細", "社会保険", "雇用保険", "入社手続き", "退職手続き", "勤怠データ", "有給休暇", "稟議書", "契約書", "押印申請",
        "印鑑証明書", "備品", "消耗品", "郵便物", "来客対応", "会議室予約", "アカウント", "パスワード", "ノートPC", "貸与PC",
        "取引先マスタ", "振込データ", "仕訳", "勘定科目", "固定資産台帳", "減価償却", "売掛金", "買掛金", "支払予定表", "予算実績",
        "プレスリリース", "社内報", "反社チェック", "秘密保持契約", "業務委託契約", "障害報告", "バックアップ", "ネットワーク",
        "サーバー", "プリンター", "セキュリティ", "マニュアル", "チェックリスト", "申込書", "届出書", "交通費", "出張旅費",
    ];

    private static readonly string[] Katakana =
    [
        "サーバー", "プリンター", "ユーザー", "フォルダー", "コンピューター", "データ", "ファイル", "メール", "チェック", "システム",
        "アップロード", "ダウンロード", "テンプレート", "ワークフロー", "スケジュール", "ステータス", "エラー", "ログイン", "パスワード", "マスター",
    ];

    private static readonly string[] Latin = ["PDF", "Excel", "CSV", "Word", "VPN", "ID", "URL", "QR", "OCR", "API", "Wi-Fi", "USB"];

    private static readonly string[] Verbs =
    [
        "確認します", "入力します", "登録します", "承認します", "申請します", "送付します", "保管します", "発行します", "照合します",
        "作成します", "提出します", "回付します", "更新します", "削除します", "印刷します", "共有します", "報告します", "締めます",
        "振り込みます", "取り込みます", "書き出します", "差し戻します", "申し込みます", "打ち合わせます",
    ];

    private static readonly string[] Connectors = ["まず", "次に", "その後", "必要に応じて", "毎月", "月末に", "翌営業日までに", "不備がある場合は", "原則として", "例外として"];

    private static readonly string[] Headings = ["目的", "対象・前提", "手順", "注意点", "よくある質問", "関連資料", "チェックリスト", "問い合わせ先", "スケジュール", "用語"];

    private static readonly string[] TitlePatterns =
    [
        "{0}の{1}手順", "{0}を{2}で処理する方法", "{2}での{0}の流れ", "{0}チェックリスト（{3}）", "{3}向け {0}の進め方",
        "{0}と{1}の運用ルール", "{0}の{1}マニュアル", "{2}の{1}手順",
    ];

    private static readonly string[] Actions = ["作成", "申請", "承認", "登録", "発行", "確認", "締め", "提出", "照合", "保管"];

    private static readonly string[] Tags =
    [
        "月次", "年次", "決算", "経理", "人事", "総務", "法務", "情シス", "広報", "給与", "社会保険", "契約", "押印", "請求",
        "支払", "入社", "退職", "PC", "セキュリティ", "郵便", "来客", "備品", "税務", "電子帳簿保存法", "インボイス", "新人向け",
    ];

    private static readonly string[] Templates = ["定型業務（月次・年次）", "申請・承認フロー", "チェックリスト", "トラブル対応", "システム操作"];

    private readonly int _seed;
    private readonly IReadOnlyList<long> _departmentIds;
    private readonly string[] _sampleSentences;
    private readonly string[] _sampleHeadings;

    public ManualGenerator(int seed, IReadOnlyList<long> departmentIds, string samplesDirectory)
    {
        _seed = seed;
        _departmentIds = departmentIds;
        (_sampleSentences, _sampleHeadings) = ReadSamples(samplesDirectory);
    }

    /// <summary>Every tag the generator may use (queries filter on them).</summary>
    public static IReadOnlyList<string> AllTags => Tags;

    /// <summary>Every template name the generator may use.</summary>
    public static IReadOnlyList<string> AllTemplates => Templates;

    /// <summary>Sentences read from the samples (for the report).</summary>
    public int SampleSentenceCount => _sampleSentences.Length;

    /// <summary>Manual number <paramref name="index"/>, and the instant it was last updated.</summary>
    public (ManualDraft Draft, DateTimeOffset UpdatedAt) Create(int index)
    {
        // A Random per manual, seeded from (seed, index): the text does not depend on generation order.
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var noun = Pick(random, Nouns);
        var title = string.Format(
            CultureInfo.InvariantCulture,
            Pick(random, TitlePatterns),
            noun,
            Pick(random, Actions),
            Pick(random, Systems),
            Pick(random, Departments));
        var departmentId = _departmentIds[random.Next(_departmentIds.Count)];
        var visibility = random.Next(100) < 70 ? ManualVisibility.Company : ManualVisibility.Department;
        var roll = random.Next(100);
        var status = roll < 80 ? ManualStatus.Published : roll < 95 ? ManualStatus.Draft : ManualStatus.Archived;
        var template = random.Next(100) < 75 ? Pick(random, Templates) : null;
        var tags = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pick(random, Tags)).Distinct(StringComparer.Ordinal).ToList();
        var body = Body(random, noun, 1024 + random.Next(3073));
        var updatedAt = new DateTimeOffset(2024, 4, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 60 * 24 * 900));
        return (new ManualDraft(title, departmentId, visibility, status, template, tags, body, "ベンチマーク用に生成"), updatedAt);
    }

    private string Body(Random random, string topic, int targetBytes)
    {
        var body = new StringBuilder();
        var headings = 0;
        while (Encoding.UTF8.GetByteCount(body.ToString()) < targetBytes)
        {
            var heading = headings < Headings.Length && random.Next(3) > 0 ? Headings[headings] : Pick(random, _sampleHeadings);
            headings++;
            body.Append("## ").Append(heading).Append("\n\n");
            var shape = random.Next(3);
            var lines = 2 + random.Next(5);
            for (var i = 0; i < lines; i++)
            {
                var sentence = random.Next(100) < 45 ? Pick(random, _sampleSentences) : Sentence(random, topic);
                body.Append(shape switch
                {
                    0 => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. "),
                    1 => "- ",
                    _ => "",
                });
                body.Append(sentence).Append('\n');
            }

            body.Append('\n');
        }

        return body.ToString();
    }

    private static string Sentence(Random random, string topic)
    {
        var noun = random.Next(3) == 0 ? topic : Pick(random, Nouns);
        return random.Next(6) switch
        {
            0 => $"{Pick(random, Connectors)}、{Pick(random, Departments)}の担当者が{noun}を{Pick(random, Systems)}で{Pick(random, Verbs)}。",
            1 => string.Create(CultureInfo.InvariantCulture, $"{noun}は毎月{random.Next(1, 29)}日までに{Pick(random, Latin)}形式で{Pick(random, Verbs)}。"),
            2 => $"{Pick(random, Katakana)}の{Pick(random, Katakana)}に問題がある場合は、{Pick(random, Departments)}へ{Pick(random, Verbs)}。",
            3 => string.Create(CultureInfo.InvariantCulture, $"{random.Next(2024, 2028)}年度の{noun}は、{Pick(random, Systems)}から{Pick(random, Latin)}で出力して{Pick(random, Verbs)}。"),
            4 => string.Create(CultureInfo.InvariantCulture, $"金額が{random.Next(1, 100) * 10_000:N0}円を超える{noun}は、部長の承認を得てから{Pick(random, Verbs)}。"),
            _ => $"{Pick(random, Connectors)}、{noun}と{Pick(random, Nouns)}の内容を{Pick(random, Katakana)}で{Pick(random, Verbs)}。",
        };
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    /// <summary>Sentences (list items, paragraphs, table cells stripped of markup) and headings of the sample manuals.</summary>
    private static (string[] Sentences, string[] Headings) ReadSamples(string directory)
    {
        var sentences = new List<string>();
        var headings = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (text.StartsWith("---", StringComparison.Ordinal))
            {
                var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
                text = end < 0 ? text : text[(end + 4)..];
            }

            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('#'))
                {
                    headings.Add(line.TrimStart('#').Trim());
                    continue;
                }

                if (line.StartsWith('|') || line.StartsWith(":::", StringComparison.Ordinal) || line.StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                line = line.TrimStart('-', '*', '>', ' ');
                var dot = line.IndexOf(". ", StringComparison.Ordinal);
                if (dot is > 0 and < 4 && line[..dot].All(char.IsAsciiDigit))
                {
                    line = line[(dot + 2)..];
                }

                line = line.Replace("**", "", StringComparison.Ordinal).Replace("[ ] ", "", StringComparison.Ordinal).Trim();
                if (line.Length >= 12)
                {
                    sentences.Add(line);
                }
            }
        }

        if (sentences.Count == 0)
        {
            throw new InvalidOperationException($"No sample sentences found in {directory}.");
        }

        return (sentences.ToArray(), headings.Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToArray());
    }
}
