using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dapper;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Manuals.Data.Search.Lucene;
using Manuals.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// The rounds of <see cref="SqliteCrashTests"/> and <see cref="PostgresCrashTests"/>: the app killed outright (SIGKILL)
/// in the middle of a stream of saves, again and again; after each restart the database passes its integrity check and
/// holds every save the app acknowledged, and the index holds exactly the manuals of the database at their revisions.
/// Each round starts the node once; the session signed in at the first start serves every round.
/// </summary>
internal sealed class CrashRounds(ITestOutputHelper output, string directory)
{
    /// <summary>Fixed, so a failure can be replayed; printed with each kill.</summary>
    private const int Seed = 20_240_613;

    private enum KillPoint
    {
        /// <summary>Right after a save was acknowledged; the node's background sync may be applying it.</summary>
        AfterAcknowledgement,

        /// <summary>With the next save's form loaded, before it is posted.</summary>
        BeforePost,

        /// <summary>While the next save is posted: it may or may not have committed.</summary>
        DuringPost,
    }

    public async Task KillDuringSavesAsync(Store store, int kills)
    {
        var random = new Random(Seed);
        var indexPath = Path.Combine(directory, "search-index");
        var settings = AppNode.Settings(store.Provider, store.ConnectionString, indexPath);
        var elapsed = Stopwatch.StartNew();
        var cookies = new CookieContainer();
        var acknowledged = new List<Save>();
        var checkedSaves = 0;
        for (var round = 0; round <= kills; round++)
        {
            var roundTime = Stopwatch.StartNew();
            await using var node = await AppNode.StartAsync(settings);
            await node.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var started = roundTime.Elapsed;
            // Signed in once: the session (in the database, its cookie sealed with keys kept there too) outlives every kill.
            var admin = new WebSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = node.Address });
            if (round == 0)
            {
                var signIn = await admin.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
                    new() { ["UserName"] = "admin", ["Password"] = AppNode.AdminPassword });
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            // Caught up (readyz): the database passes its integrity check and holds every acknowledged save, the index
            // agrees with it, and every acknowledged save is found — those since the last kill after each restart, all
            // of them after the last.
            var toCheck = round == kills ? acknowledged : acknowledged.Skip(checkedSaves).ToList();
            await AssertDatabaseAsync(store, toCheck, round);
            await AssertIndexMatchesDatabaseAsync(store, indexPath, node);
            foreach (var save in toCheck)
            {
                Assert.True((await HitsAsync(admin, save.Word)).Contains(save.ManualId),
                    $"Round {round}: the acknowledged save of '{save.Word}' to manual {save.ManualId} is not found.\n{node.Output}");
            }

            checkedSaves = acknowledged.Count;
            if (round == kills)
            {
                break;
            }

            var saves = random.Next(1, 4);
            var point = (KillPoint)random.Next(3);
            var lastPost = TimeSpan.Zero;
            for (var i = 0; i < saves; i++)
            {
                var form = await FormAsync(admin, acknowledged, random);
                var posted = Stopwatch.StartNew();
                acknowledged.Add(await SaveAsync(admin, form));
                lastPost = posted.Elapsed;
            }

            var outcome = "";
            if (point == KillPoint.AfterAcknowledgement)
            {
                await node.KillAsync();
            }
            else
            {
                var next = await FormAsync(admin, acknowledged, random);
                if (point == KillPoint.BeforePost)
                {
                    await node.KillAsync();
                }
                else
                {
                    var posting = admin.PostAsync(next.Action, next.Fields);
                    // Lands the kill somewhere inside the request (a save took lastPost just before); nothing waits
                    // on the save to be done.
                    await Task.Delay(lastPost * random.NextDouble());
                    await node.KillAsync();
                    if (await AnsweredAsync(posting) is { } response)
                    {
                        // The answer made it out before the kill: the save is acknowledged like any other.
                        acknowledged.Add(SaveFrom(next, response));
                        outcome = "answered before the kill";
                    }
                    else
                    {
                        outcome = "not answered";
                    }
                }
            }

            output.WriteLine($"{store.Provider} kill {round + 1} (seed {Seed}): after {saves} acknowledged saves, {point} {outcome}; " +
                $"{acknowledged.Count} in all; started in {started.TotalSeconds:0.0} s, round {roundTime.Elapsed.TotalSeconds:0.0} s.");
        }

        Assert.True(acknowledged.Count >= kills, "Every kill came after at least one acknowledged save.");
        output.WriteLine($"{store.Provider}: {kills} kills in {elapsed.Elapsed.TotalSeconds:0.0} s.");
    }

    /// <summary>
    /// The database after a kill: its integrity check passes; each manual's current revision is stored, with the
    /// manual's title and body, and no later one; and every acknowledged save's word is in its manual.
    /// </summary>
    private static async Task AssertDatabaseAsync(Store store, IReadOnlyList<Save> saves, int round)
    {
        await using var connection = store.Open();
        await connection.OpenAsync();
        await store.CheckIntegrityAsync(connection);
        const string Inconsistent = """
            SELECT m.id FROM manuals m
            WHERE NOT EXISTS (SELECT 1 FROM manual_revisions r
                              WHERE r.manual_id = m.id AND r.number = m.revision_number AND r.title = m.title AND r.body = m.body)
               OR EXISTS (SELECT 1 FROM manual_revisions r WHERE r.manual_id = m.id AND r.number > m.revision_number)
            """;
        Assert.Empty(await connection.QueryAsync<long>(Inconsistent));
        foreach (var save in saves)
        {
            var text = await connection.QuerySingleOrDefaultAsync<string>(
                "SELECT title || ' ' || body FROM manuals WHERE id = @ManualId", new { save.ManualId });
            Assert.True(text?.Contains(save.Word, StringComparison.Ordinal) == true,
                $"Round {round}: the acknowledged save of '{save.Word}' to manual {save.ManualId} is not in the database.");
        }
    }

    /// <summary>
    /// The ids and revisions of the index's live documents, read from the generation <c>current</c> names (read-only:
    /// the running node keeps its writer, and it has nothing to commit once caught up), equal those of the database.
    /// </summary>
    private static async Task AssertIndexMatchesDatabaseAsync(Store store, string indexPath, AppNode node)
    {
        Dictionary<long, long> expected;
        await using (var connection = store.Open())
        {
            expected = (await connection.QueryAsync<(long Id, long Revision)>("SELECT id, revision_number FROM manuals"))
                .ToDictionary(m => m.Id, m => m.Revision);
        }

        var generation = (await File.ReadAllTextAsync(Path.Combine(indexPath, "current"))).Trim();
        var indexed = new List<(long Id, long Revision)>();
        using (var directory = FSDirectory.Open(Path.Combine(indexPath, generation)))
        using (var reader = DirectoryReader.Open(directory))
        {
            foreach (var leaf in reader.Leaves)
            {
                var segment = leaf.AtomicReader;
                var ids = segment.GetNumericDocValues(LuceneFields.IdValue);
                var revisions = segment.GetNumericDocValues(LuceneFields.Revision);
                var live = segment.LiveDocs;
                for (var doc = 0; doc < segment.MaxDoc; doc++)
                {
                    if (live is null || live.Get(doc))
                    {
                        indexed.Add((ids.Get(doc), revisions.Get(doc)));
                    }
                }
            }
        }

        Assert.True(indexed.Count == indexed.Select(d => d.Id).Distinct().Count(), "A manual is in the index twice.");
        var actual = indexed.ToDictionary(d => d.Id, d => d.Revision);
        Assert.True(
            expected.Count == actual.Count && expected.All(m => actual.TryGetValue(m.Key, out var revision) && revision == m.Value),
            $"Database: {Describe(expected)}\nIndex ({generation}): {Describe(actual)}\n{node.Output}");
    }

    private static string Describe(Dictionary<long, long> manuals) =>
        string.Join(", ", manuals.OrderBy(m => m.Key).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}@{m.Value}")));

    /// <summary>
    /// The next save's form, loaded with its antiforgery token: a new manual, or another word added to the body of one
    /// saved before, so every word saved stays in its manual.
    /// </summary>
    private static async Task<SaveForm> FormAsync(WebSession session, List<Save> saved, Random random)
    {
        var word = Word(random);
        var manuals = saved.Select(s => s.ManualId).Distinct().ToList();
        var edit = manuals.Count >= 3 && random.Next(3) > 0;
        // The body is written as Markdown, in the editor a writer who prefers it opens.
        var page = edit ? $"/manuals/{manuals[random.Next(manuals.Count)]}/edit?editor=markdown" : "/manuals/new?department=3&editor=markdown";
        var (response, document) = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("form.manual-form")!;
        var fields = WebSession.FormFields(form);
        if (edit)
        {
            fields["Body"] += "\n\n追記 " + word;
        }
        else
        {
            fields["Title"] = "停電対策の手順 " + word;
            fields["Body"] = "## 手順\n1. 電源を確認します。" + word;
            fields["DepartmentId"] = "3";
            fields["Status"] = "Published";
        }

        fields["intent"] = "save";
        return new SaveForm(form.GetAttribute("action")!, fields, word);
    }

    private static async Task<Save> SaveAsync(WebSession session, SaveForm form)
    {
        using var response = await session.PostAsync(form.Action, form.Fields);
        return SaveFrom(form, response);
    }

    private static Save SaveFrom(SaveForm form, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{form.Action} answered {(int)response.StatusCode}");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        return new Save(id, form.Word);
    }

    /// <summary>The answer to a request the kill interrupted, or null when it got none.</summary>
    private static async Task<HttpResponseMessage?> AnsweredAsync(Task<HttpResponseMessage> posting)
    {
        try
        {
            return await posting;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<List<long>> HitsAsync(WebSession session, string word)
    {
        var (response, document) = await session.GetAsync("/search?q=" + word);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelectorAll(".search-hit__title a")
            .Select(a => long.Parse(a.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>A Latin word of 12 letters: one token to the analyzer, found only where it was saved.</summary>
    private static string Word(Random random) =>
        "crash" + new string(Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26))).ToArray());

    private sealed record SaveForm(string Action, Dictionary<string, string> Fields, string Word);

    /// <summary>The engine under test: the app's settings for it, a connection for the checks, and its integrity check.</summary>
    public sealed record Store(string Provider, string ConnectionString, Func<DbConnection> Open, Func<DbConnection, Task> CheckIntegrityAsync);

    private sealed record Save(long ManualId, string Word);
}
