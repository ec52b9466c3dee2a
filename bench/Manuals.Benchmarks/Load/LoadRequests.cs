using System.Globalization;
using System.Text;
using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Data;

namespace Manuals.Benchmarks.Load;

/// <summary>One request type of the mix: its name, the file of requests wrk cycles through, who sends them, what answer counts as success.</summary>
internal sealed record RequestType(string Name, string ListFile, string Cookie, int ExpectedStatus, string ExpectedLocation, int Count);

/// <summary>
/// Writes, per request type, the seeded list of requests a user of the generated installation makes (one line each:
/// <c>METHOD PATH [FORM-BODY]</c>), read by Load/mix.lua: the Reader of two departments for the pages, the Editor of every
/// department for handovers and saves.
/// </summary>
internal static class LoadRequests
{
    // Prefixes people type in the header box before a suggestion shows.
    private static readonly string[] SuggestPrefixes =
    [
        "経費", "請求", "年末", "サーバ", "勘定", "入社", "押印", "契約", "社会", "バック", "月次", "給与", "備品", "稟議", "PDF", "Exc",
        "決算", "退職", "アカ", "パス", "郵便", "会議", "出張", "反社",
    ];

    public static async Task<IReadOnlyDictionary<string, RequestType>> WriteAsync(
        string folder,
        IDbConnectionFactory connections,
        IManualStore store,
        TemplateService templates,
        MarkdownRenderer renderer,
        IReadOnlyList<long> readerDepartments,
        IReadOnlyList<long> allDepartments,
        LoadServer.Session reader,
        LoadServer.Session editor,
        int saves,
        int seed,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var manuals = (await connection.QueryAsync<(long Id, long DepartmentId, string Visibility, string Status)>(
            new CommandDefinition("SELECT id, department_id, visibility, status FROM manuals ORDER BY id", cancellationToken: cancellationToken))).ToList();
        var handovers = (await connection.QueryAsync<long>(new CommandDefinition("SELECT id FROM handovers ORDER BY id", cancellationToken: cancellationToken))).ToList();

        var viewer = new Viewer(-1, new HashSet<string>([Roles.Reader]), readerDepartments.ToHashSet());
        var readable = manuals
            .Where(m => Enum.Parse<ManualStatus>(m.Status) == ManualStatus.Published
                && ManualAccessPolicy.CanRead(viewer, m.DepartmentId, Enum.Parse<ManualVisibility>(m.Visibility), null, ManualStatus.Published))
            .Select(m => m.Id)
            .OrderBy(_ => random.Next())
            .ToList();
        var pages = readable.Take(5_000).ToList();

        // Step mode on manuals that have steps (a 手順 section with a list), as the page's button offers it.
        var withSteps = new List<long>();
        foreach (var id in readable.Take(4_000))
        {
            var body = await connection.ExecuteScalarAsync<string>(
                new CommandDefinition("SELECT body FROM manuals WHERE id = @id", new { id }, cancellationToken: cancellationToken));
            if (renderer.RenderSteps(body ?? "", CalloutLabels.Japanese).Count > 0)
            {
                withSteps.Add(id);
            }

            if (withSteps.Count == 1_000)
            {
                break;
            }
        }

        var types = new Dictionary<string, RequestType>(StringComparer.Ordinal);
        void Add(string name, LoadServer.Session session, IEnumerable<string> lines, int status = 200, string location = "")
        {
            var file = Path.Combine(folder, name + ".txt");
            var list = lines.ToList();
            if (list.Count == 0)
            {
                throw new InvalidOperationException($"No requests for {name}: the installation lacks them.");
            }

            File.WriteAllLines(file, list, new UTF8Encoding(false));
            types[name] = new RequestType(name, file, session.Cookie, status, location, list.Count);
        }

        Add("home", reader, ["GET /"]);
        Add("manual list", reader, allDepartments.Select(d => Get($"/manuals?department={d}")));
        Add("manual page", reader, pages.Select(id => Get($"/manuals/{id}")));
        Add("step mode", reader, withSteps.Select(id => Get($"/manuals/{id}/steps/1")));
        Add("search", reader, QueryMix.Create(500, seed, allDepartments).Select(q => "GET " + HttpBench.SearchUrl(q)));
        Add("suggestions", reader, Enumerable.Range(0, 200).Select(_ => Get("/search/suggest?q=" + Uri.EscapeDataString(SuggestPrefixes[random.Next(SuggestPrefixes.Length)]))));
        Add("coverage", reader, ["GET /coverage"]);
        Add("matrix", reader, readerDepartments.Select(d => Get($"/coverage/matrix?department={d}")));
        Add("handover print", editor, handovers.Select(id => Get($"/handovers/{id}/print")));
        Add("static file", reader, ["GET /css/site.css"]);

        // Saves: the edit form of distinct manuals as the Editor posts it, each on the manual's current revision, so no
        // save meets another's; wrk goes through the list once (a wrapped list would show as errors). A published manual
        // whose template section is still empty is left out: the app rightly refuses to save it as published
        // (PublishIncomplete, 400) until the writer fills the section, which is not what this measures.
        var forms = new List<string>(saves);
        foreach (var id in manuals.Select(m => m.Id).OrderBy(_ => random.Next()))
        {
            if (forms.Count == saves)
            {
                break;
            }

            var manual = await store.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Manual {id} is gone.");
            if (manual.Status == ManualStatus.Published && !(await templates.CheckAsync(manual.Template, manual.Body, cancellationToken)).IsComplete)
            {
                continue;
            }

            forms.Add($"POST /manuals/{id}/edit " + await SaveFormAsync(manual, editor.Token, cancellationToken));
        }

        Add("save", editor, forms, 302, "/manuals/");
        return types;

        static string Get(string path) => "GET " + path;
    }

    /// <summary>The fields of the edit form (ManualFormModel) with one line added to the body.</summary>
    private static async Task<string> SaveFormAsync(Manual manual, string token, CancellationToken cancellationToken)
    {
        var tags = string.Join("、", manual.Tags);
        var fields = new Dictionary<string, string>
        {
            ["Title"] = manual.Title,
            ["DepartmentId"] = manual.DepartmentId.ToString(CultureInfo.InvariantCulture),
            ["Visibility"] = manual.Visibility.ToString(),
            ["Status"] = manual.Status.ToString(),
            ["Template"] = manual.Template ?? "",
            ["Tags"] = tags,
            ["Body"] = manual.Body + string.Create(CultureInfo.InvariantCulture, $"\n- 負荷試験で第{manual.RevisionNumber + 1}版として保存しました。\n"),
            ["ChangeNote"] = "表現の見直し",
            ["EditorMode"] = "markdown",
            ["BaseRevision"] = manual.RevisionNumber.ToString(CultureInfo.InvariantCulture),
            ["BaseDepartmentId"] = manual.DepartmentId.ToString(CultureInfo.InvariantCulture),
            ["BaseVisibility"] = manual.Visibility.ToString(),
            ["BaseStatus"] = manual.Status.ToString(),
            ["BaseTemplate"] = manual.Template ?? "",
            ["BaseTags"] = tags,
            ["__RequestVerificationToken"] = token,
        };
        using var content = new FormUrlEncodedContent(fields);
        return await content.ReadAsStringAsync(cancellationToken);
    }
}
